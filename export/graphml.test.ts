import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { readGraphml, writeGraphml } from './graphml';
import { elementsById } from './testing/compare';
import { sampleCrossBorderChart } from './testing/sample-chart';

describe('GraphML', () => {
  it('round-trips a Schakel chart exactly, including lists, diacritics and Arabic', () => {
    const chart = sampleCrossBorderChart();
    const text = writeGraphml(chart);
    expect(XMLValidator.validate(text)).toBe(true);
    const { chart: back, notices } = readGraphml(text);
    expect(notices).toEqual([]);
    expect(elementsById(back)).toEqual(elementsById(chart));
    expect(back.timeWindow).toEqual(chart.timeWindow);
    expect(back.filters).toEqual(chart.filters);
    expect(back.title).toBe(chart.title);
  });

  it('is byte-identical whatever the element order', () => {
    const chart = sampleCrossBorderChart();
    const shuffled = { ...chart, entities: [...chart.entities].reverse(), links: [...chart.links].reverse() };
    expect(writeGraphml(shuffled)).toBe(writeGraphml(chart));
  });

  it('declares a key for every property used, and only those', () => {
    const text = writeGraphml(sampleCrossBorderChart());
    for (const name of ['aliases', 'bsn', 'imei', 'provider', 'camera']) expect(text).toContain(`attr.name="${name}"`);
    expect(text).not.toContain('attr.name="pinned"');
    const declared = new Set([...text.matchAll(/<key id="([^"]+)"/g)].map((match) => match[1]));
    const used = new Set([...text.matchAll(/<data key="([^"]+)"/g)].map((match) => match[1]));
    expect([...used].every((key) => declared.has(key))).toBe(true);
    expect([...declared].every((key) => used.has(key))).toBe(true);
  });

  it('escapes markup in labels rather than emitting it', () => {
    const text = writeGraphml(sampleCrossBorderChart());
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
  });

  it('imports a yEd/Gephi file, mapping known types and importing unknown ones as generic with a notice', () => {
    const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="Type" attr.type="string"/>
  <key id="d1" for="node" yfiles.type="nodegraphics"/>
  <key id="d2" for="edge" attr.name="relationship" attr.type="string"/>
  <key id="d3" for="node" attr.name="age" attr.type="int"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0">Person</data><data key="d3">41</data><data key="d1"><y:ShapeNode><y:Geometry x="10" y="20" width="30" height="30"/><y:NodeLabel>Piet Jansen</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d0">Car</data><data key="d1"><y:ShapeNode><y:NodeLabel>AB-12-CD</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n2"><data key="d0">Bank Account</data></node>
    <edge source="n0" target="n1"><data key="d2">owner</data></edge>
    <edge source="n0" target="n2"><data key="d2">transferred to</data></edge>
    <edge source="n0" target="n9"><data key="d2">owner</data></edge>
  </graph>
</graphml>`;
    const { chart, notices } = readGraphml(foreign);
    const byId = new Map(chart.entities.map((entity) => [entity.id, entity]));
    expect(byId.get('n0')).toMatchObject({ type: 'Person', label: 'Piet Jansen', position: { x: 25, y: 35 }, properties: { age: 41 } });
    expect(byId.get('n1')).toMatchObject({ type: 'Vehicle', label: 'AB-12-CD' });
    expect(byId.get('n2')).toMatchObject({ type: 'Source', properties: { importedType: 'Bank Account' } });
    expect(chart.links.map((link) => link.type)).toEqual(['OWNS', 'ASSOCIATE_OF']);
    expect(notices.join('\n')).toContain('"Bank Account"');
    expect(notices.join('\n')).toContain('"transferred to"');
    expect(notices.join('\n')).toContain('points to an entity that is not in the file');
  });

  it('refuses DOCTYPE and external entities (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><graphml><graph><node id="&xxe;"/></graph></graphml>`;
    expect(() => readGraphml(xxe)).toThrow(/DOCTYPE or entities/);
  });

  it('names the line of malformed XML', () => {
    expect(() => readGraphml('<graphml>\n<graph>\n<node id="a">\n</graph></graphml>')).toThrow(/not well-formed XML \(line \d+/);
  });

  it('says when an XML file is not GraphML', () => {
    expect(() => readGraphml('<svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(/not GraphML/);
  });
});
