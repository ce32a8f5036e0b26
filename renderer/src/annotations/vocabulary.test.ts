// The renderer repeats the annotation vocabulary (it may import only types from contract/); this keeps
// both copies equal.
import { describe, expect, it } from 'vitest';
import * as contract from '../../../contract/annotations';
import * as renderer from './vocabulary';

describe('annotation vocabulary', () => {
  it('is the same in the contract and the renderer', () => {
    expect(renderer.GRADING_SCHEMES).toEqual(contract.GRADING_SCHEMES);
    expect(renderer.ANALYST_LINK_STATUSES).toEqual(contract.ANALYST_LINK_STATUSES);
    expect(renderer.MAX_NOTE_LENGTH).toBe(contract.MAX_NOTE_LENGTH);
    expect(renderer.MENTION_PATTERN.source).toBe(contract.MENTION_PATTERN.source);
    const text = 'Met @[Jan Peeters](P-BE-1) <script>x</script> and @[Ann](P-NL-2).';
    expect(renderer.splitMentions(text)).toEqual(contract.splitMentions(text));
    expect(contract.mentionedIds(text)).toEqual(['P-BE-1', 'P-NL-2']);
  });

  it('names the allowed codes when a grading is outside the scheme', () => {
    expect(contract.gradingProblem('eu-4x4', { sourceReliability: 'B', informationReliability: '2', handling: 'H1' })).toBeNull();
    expect(contract.gradingProblem('eu-4x4', { sourceReliability: 'D' })).toMatch(/"D" is not a source reliability in the EU 4x4.*A, B, C, X/);
    expect(contract.gradingProblem('uk-3x5x2', { handling: 'H1' })).toMatch(/UK 3x5x2.*P, C/);
  });
});
