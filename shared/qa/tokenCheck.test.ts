import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, soloToken as s } from '../inline/inlineCodes.js';
import { runQa } from './runQa.js';
import { tokensCheck } from './tokenCheck.js';

const ctx = (source: string, target: string) => ({ source, target, sourceLang: 'en', targetLang: 'es', mt: null });
const codes = (source: string, target: string) => tokensCheck.run(ctx(source, target)).map((i) => [i.severity, i.code, i.params['count']]);

const SOURCE = `The ${o(0)}river${c(0)} rose${s(1)}.`;

describe('tokens check', () => {
  it('passes a translation with every token once, in order', () => {
    expect(codes(SOURCE, `El ${o(0)}río${c(0)} subió${s(1)}.`)).toEqual([]);
    expect(codes('Plain.', 'Llano.')).toEqual([]);
    expect(codes(SOURCE, '')).toEqual([]);
  });

  it('a missing, extra or broken token is an error', () => {
    expect(codes(SOURCE, `El ${o(0)}río subió${s(1)}.`)).toEqual([['error', 'tokenMissing', 1]]);
    expect(codes(SOURCE, `El ${o(0)}río${c(0)} subió${s(1)}${s(1)}${s(5)}.`)).toEqual([['error', 'tokenExtra', 2]]);
    expect(codes(SOURCE, `El ${c(0)}río${o(0)} subió${s(1)}.`)).toEqual([['error', 'tokenOrder', 1]]);
  });

  it('tokens gathered at the end (where MT repair puts lost ones) are a warning', () => {
    expect(codes(SOURCE, `El río subió. ${o(0)}${c(0)}${s(1)}`)).toEqual([['warning', 'tokensAtEnd', 3]]);
    expect(codes(`Ends with a break${s(0)}`, `Termina con salto ${s(0)}`)).toEqual([]);
  });

  it('runQa reports token problems and runs the other checks on the text without tokens', () => {
    const issues = runQa(ctx(`Costs 5${o(0)} euros${c(0)}.`, `Cuesta 5${o(0)} euros.`));
    expect(issues.map((i) => i.code)).toEqual(['tokenMissing']);
  });
});
