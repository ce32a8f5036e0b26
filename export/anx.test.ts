import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { readAnx, writeAnx } from './anx';
import { elementsById } from './testing/compare';
import { sampleCrossBorderChart } from './testing/sample-chart';

describe('i2 ANX', () => {
  it('round-trips a Schakel chart exactly', () => {
    const chart = sampleCrossBorderChart();
    const text = writeAnx(chart);
    expect(XMLValidator.validate(text)).toBe(true);
    const { chart: back, notices } = readAnx(text);
    expect(notices).toEqual([]);
    expect(elementsById(back)).toEqual(elementsById(chart));
    expect(back.timeWindow).toEqual(chart.timeWindow);
  });

  it('writes the i2 structure: ChartItem > End > Entity > Icon, Link > LinkStyle, grades as i2 grade lists', () => {
    const text = writeAnx(sampleCrossBorderChart());
    expect(text).toMatch(/<ChartItem Id="E\d+" Label="Jan van der Berg"[^>]*GradeOneIndex="1" GradeTwoIndex="1" GradeThreeIndex="0"/);
    expect(text).toContain('<IconStyle Type="Mobile Phone"');
    expect(text).toMatch(/<LinkStyle Type="ASSOCIATE_OF"[^>]*Strength="Unconfirmed"/);
    expect(text).toContain('<String Id="G3-2" Text="H2 - no dissemination without permission"/>');
  });

  it('is byte-identical whatever the element order', () => {
    const chart = sampleCrossBorderChart();
    expect(writeAnx({ ...chart, entities: [...chart.entities].reverse() })).toBe(writeAnx(chart));
  });

  it('imports a foreign i2 chart: icon types mapped, arrows on the tail reversed, unknown types generic', () => {
    const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<Chart>
  <GradeOne><StringCollection><String Text="A - Always reliable"/><String Text="B - Mostly reliable"/></StringCollection></GradeOne>
  <AttributeClassCollection><AttributeClass Id="AC1" Name="Date of Birth" Type="AttText"/><AttributeClass Id="AC2" Name="Calls" Type="AttNumber"/></AttributeClassCollection>
  <ChartItemCollection>
    <ChartItem Label="Karim B." GradeOneIndex="1" SourceReference="PV 12/2024"><End X="100" Y="50"><Entity EntityId="1" Identity="KB-1"><Icon><IconStyle Type="Person"/></Icon></Entity></End>
      <AttributeCollection><Attribute AttributeClassReference="AC1" Value="1990-01-01"/></AttributeCollection></ChartItem>
    <ChartItem Label="0475 11 22 33"><End X="300" Y="50"><Entity EntityId="2" Identity="TEL-1"><Icon><IconStyle Type="Telephone"/></Icon></Entity></End></ChartItem>
    <ChartItem Label="Safe house"><End X="200" Y="200"><Entity EntityId="3" Identity="SH-1"><Icon><IconStyle Type="Safe House Unusual"/></Icon></Entity></End></ChartItem>
    <ChartItem Label="uses"><Link End1Id="2" End2Id="1"><LinkStyle Type="Uses" ArrowStyle="ArrowOnTail"/></Link>
      <AttributeCollection><Attribute AttributeClass="Calls" AttributeClassReference="AC2" Value="12"/></AttributeCollection></ChartItem>
  </ChartItemCollection>
</Chart>`;
    const { chart, notices } = readAnx(foreign);
    const byId = new Map(chart.entities.map((entity) => [entity.id, entity]));
    expect(byId.get('KB-1')).toMatchObject({ type: 'Person', sourceReliability: 'B', sourceId: 'PV 12/2024', position: { x: 100, y: 50 }, properties: { 'Date of Birth': '1990-01-01' } });
    expect(byId.get('TEL-1')?.type).toBe('Phone');
    expect(byId.get('SH-1')).toMatchObject({ type: 'Source', properties: { importedType: 'Safe House Unusual' } });
    expect(chart.links[0]).toMatchObject({ type: 'USES', source: 'KB-1', target: 'TEL-1', properties: { Calls: 12 } });
    expect(notices.join('\n')).toContain('"Safe House Unusual"');
  });

  it('refuses external entities', () => {
    expect(() => readAnx('<!DOCTYPE Chart [<!ENTITY e SYSTEM "http://example.invalid/">]><Chart>&e;</Chart>')).toThrow(/DOCTYPE or entities/);
  });

  it('reads UTF-16 files as written by some i2 versions', () => {
    const text = writeAnx(sampleCrossBorderChart());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readAnx(utf16).chart.entities).toHaveLength(10);
  });
});
