import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['semicolons with decimal commas', 'naam;lat;lon\nCamera A16;51,5;4,7\nCamera E19;51,2;4,4\n', ';'],
    ['commas', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['tabs', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['commas inside quoted values of a semicolon file', 'naam;adres\n"Jansen, J.";"Kerkstraat 1, Gent"\n"Peeters, A.";"Markt 2, Brugge"\n', ';'],
    ['semicolons inside quoted values of a comma file', 'naam,notitie\n"Jan","zag; hoorde"\n"Piet","x; y"\n', ','],
    ['one column', 'kenteken\n12-AB-34\n', ','],
  ])('%s', (_name, sample, expected) => {
    expect(detectDelimiter(sample).delimiter).toBe(expected);
  });

  it("follows Excel's sep= line", () => {
    expect(detectDelimiter('sep=;\na,b;c\n1,2;3\n')).toEqual({ delimiter: ';', sepLine: true });
  });

  it('ignores a cut-off last line in the sample', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n7;8').delimiter).toBe(';');
  });
});
