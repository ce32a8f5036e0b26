import { describe, expect, it } from 'vitest';
import { gradingProblem } from './grading';
import { mentionedIds, splitMentions } from './notes';

describe('grading and note rules', () => {
  it('names the allowed codes when a grading is outside the scheme', () => {
    expect(gradingProblem('eu-4x4', { sourceReliability: 'B', informationReliability: '2', handling: 'H1' })).toBeNull();
    expect(gradingProblem('eu-4x4', { sourceReliability: 'D' })).toMatch(/"D" is not a source reliability in the EU 4x4.*A, B, C, X/);
    expect(gradingProblem('uk-3x5x2', { handling: 'H1' })).toMatch(/UK 3x5x2.*P, C/);
  });

  it('reads mentions from a note and keeps markup as text', () => {
    const text = 'Met @[Jan Peeters](P-BE-1) <script>x</script> and @[Ann](P-NL-2).';
    expect(mentionedIds(text)).toEqual(['P-BE-1', 'P-NL-2']);
    expect(splitMentions(text)).toEqual([
      { kind: 'text', text: 'Met ' },
      { kind: 'mention', label: 'Jan Peeters', id: 'P-BE-1' },
      { kind: 'text', text: ' <script>x</script> and ' },
      { kind: 'mention', label: 'Ann', id: 'P-NL-2' },
      { kind: 'text', text: '.' },
    ]);
  });
});
