import { describe, expect, it } from 'vitest';
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument } from '../contract/chart';
import { parseChartFile } from './chart-file';

const valid: ChartDocument = {
  format: CHART_FORMAT,
  version: CHART_FORMAT_VERSION,
  id: 'chart-1',
  title: 'Cel Antwerpen',
  entities: [
    { id: 'P-1', type: 'Person', label: 'Jan', properties: {}, position: { x: 1.5, y: -2.25 } },
    { id: 'P-2', type: 'Person', label: 'Piet', properties: {}, hidden: true, pinned: true },
  ],
  links: [{ id: 'L-1', type: 'ASSOCIATE_OF', source: 'P-1', target: 'P-2', properties: {} }],
  viewport: { zoom: 1.25, pan: { x: 10, y: 20 } },
};

function refusal(text: string): { code?: string; message?: string; hint?: string } {
  try {
    parseChartFile(text);
  } catch (error) {
    return error as { code: string; message: string; hint?: string };
  }
  throw new Error('expected the file to be refused');
}

describe('parseChartFile', () => {
  it('returns a valid chart unchanged', () => {
    expect(parseChartFile(JSON.stringify(valid))).toEqual(valid);
  });

  it('refuses text that is not JSON, saying so', () => {
    const error = refusal('{"format": "schakel-chart", "entities": [');
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.hint).toMatch(/current chart was not changed/);
  });

  it('refuses JSON in another format', () => {
    expect(refusal(JSON.stringify({ nodes: [] })).message).toMatch(/not a Schakel chart/);
    expect(refusal('[1,2]').message).toMatch(/not a Schakel chart/);
  });

  it('names the damaged field', () => {
    const broken = { ...valid, entities: [{ ...valid.entities[0], type: 'Spaceship' }, valid.entities[1]] };
    expect(refusal(JSON.stringify(broken)).message).toMatch(/entities\.0\.type/);
  });

  it('refuses a file from a newer Schakel with advice to update', () => {
    const error = refusal(JSON.stringify({ ...valid, version: CHART_FORMAT_VERSION + 1 }));
    expect(error.message).toMatch(/newer Schakel/);
    expect(error.hint).toMatch(/Update Schakel/);
  });

  it('refuses links to entities the file does not hold, and duplicate ids', () => {
    const dangling = { ...valid, links: [{ ...valid.links[0], target: 'P-404' }] };
    expect(refusal(JSON.stringify(dangling)).message).toMatch(/"P-404", which is not in the file/);
    const twice = { ...valid, entities: [valid.entities[0], valid.entities[0]], links: [] };
    expect(refusal(JSON.stringify(twice)).message).toMatch(/appears twice/);
  });
});
