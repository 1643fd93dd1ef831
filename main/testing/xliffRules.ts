/**
 * XLIFF processing requirements the schemas cannot check (XSD has no cross-reference rules for
 * them), as tests apply them to every XLIFF Verso writes:
 *
 * - inline code ids unique within each unit's source and within its target (XLIFF 1.2: an <ept>
 *   shares its <bpt>'s id), and, in 2.0, never repeated inside the unit's <mtc:match> candidates;
 * - 2.0 `subType` only with a `type`, `xlf:` values with the type the spec requires (b i u lb pb:
 *   fmt; var: ui), and matching the `prefix:value` pattern (also `mtc:match`, `unit`);
 * - every reference resolves in its scope: 2.0 dataRef/dataRefStart/dataRefEnd → a <data> of the
 *   unit's (or the candidate's own) <originalData>; <ec startRef> → an earlier non-isolated <sc>
 *   of the same content, each non-isolated <sc> closed by one; isolated <ec> has an id;
 *   1.2 <ept> → a <bpt> before it (rid, else id), <ex rid> → a <bx>, `xid` → a trans-unit id.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';
const SUBTYPE = /^[^\s:]+:[^\s:]+$/;
const XLF_SUBTYPES: Record<string, string> = {
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:var': 'ui',
};
const CODES_2 = new Set(['pc', 'ph', 'sc', 'ec', 'mrk', 'sm']);
const CODES_1 = new Set(['g', 'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'mrk']);

/** One <source> or <target>: its inline elements in document order. */
interface Content {
  where: string;
  codes: { name: string; attrs: Record<string, string> }[];
  /** Ids the data references of this content must resolve to. */
  dataIds: () => Set<string>;
  /** Ids this content must not use (2.0 candidate: the unit's own). */
  group: 'unit' | 'match';
}

function attrsOf(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Object.values(tag.attributes)) if (a.prefix === '') out[a.local] = a.value;
  return out;
}

function checkContent12(c: Content, errors: string[]): void {
  const ids = new Map<string, string>();
  const bpts: string[] = [];
  const bxKeys = new Set<string>();
  for (const { name, attrs } of c.codes) {
    const id = attrs['id'];
    if (name !== 'mrk' && id === undefined) errors.push(`${c.where}: <${name}> without id`);
    if (name === 'ept') {
      const key = attrs['rid'] ?? id ?? '';
      const at = bpts.lastIndexOf(key);
      if (at < 0) errors.push(`${c.where}: <ept> ${key} has no <bpt> before it`);
      else bpts.splice(at, 1);
      continue;
    }
    if (id !== undefined && name !== 'mrk') {
      if (ids.has(id)) errors.push(`${c.where}: id "${id}" used by <${ids.get(id)}> and <${name}>`);
      ids.set(id, name);
    }
    if (name === 'bpt') bpts.push(attrs['rid'] ?? id ?? '');
    if (name === 'bx') bxKeys.add(attrs['rid'] ?? id ?? '');
    if (name === 'ex' && attrs['rid'] !== undefined && !bxKeys.has(attrs['rid']))
      errors.push(`${c.where}: <ex rid="${attrs['rid']}"> refers to no <bx> before it`);
  }
  for (const key of bpts) errors.push(`${c.where}: <bpt> ${key} has no <ept>`);
}

function checkContent20(c: Content, unitIds: Set<string>, errors: string[]): Set<string> {
  const ids = new Set<string>();
  const openSc = new Set<string>();
  const data = c.dataIds();
  for (const { name, attrs } of c.codes) {
    const id = attrs['id'];
    if (id !== undefined) {
      if (ids.has(id)) errors.push(`${c.where}: duplicated id "${id}"`);
      if (c.group === 'match' && unitIds.has(id)) errors.push(`${c.where}: id "${id}" repeats one of the unit's own`);
      ids.add(id);
    }
    for (const ref of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
      const v = attrs[ref];
      if (v !== undefined && !data.has(v)) errors.push(`${c.where}: ${ref}="${v}" names no <data>`);
    }
    checkSubType(c.where, name, attrs, errors);
    if (name === 'sc' && attrs['isolated'] !== 'yes') openSc.add(id ?? '');
    if (name === 'ec') {
      if (attrs['isolated'] === 'yes') {
        if (id === undefined || attrs['startRef'] !== undefined) errors.push(`${c.where}: isolated <ec> needs an id and no startRef`);
      } else if (attrs['startRef'] === undefined || !openSc.delete(attrs['startRef'])) {
        errors.push(`${c.where}: <ec startRef="${attrs['startRef'] ?? ''}"> closes no <sc> before it`);
      }
    }
  }
  for (const id of openSc) errors.push(`${c.where}: <sc id="${id}"> is not isolated and never closed`);
  return ids;
}

function checkSubType(where: string, name: string, attrs: Record<string, string>, errors: string[]): void {
  const subType = attrs['subType'];
  if (subType === undefined) return;
  if (!SUBTYPE.test(subType)) errors.push(`${where}: <${name}> subType "${subType}" is not prefix:value`);
  if (name !== 'match' && attrs['type'] === undefined) errors.push(`${where}: <${name}> has a subType without a type`);
  const needs = XLF_SUBTYPES[subType];
  if (subType.startsWith('xlf:') && name !== 'match' && needs !== attrs['type'])
    errors.push(`${where}: <${name}> subType ${subType} needs type="${needs ?? '?'}"`);
}

/** Every processing-requirement violation in an XLIFF 1.2 or 2.0 document ([] when none). */
export function xliffRuleErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let version = '';
  let unitName = '';
  let contents: Content[] = [];
  let current: Content | null = null;
  let currentDepth = 0;
  let depth = 0;
  let unitData = new Set<string>();
  let matchData = new Set<string>();
  let inMatch = false;
  let dataTarget: Set<string> | null = null;
  const transUnitIds = new Set<string>();
  const xids: string[] = [];

  const finishUnit = (): void => {
    if (version === '1.2') for (const c of contents) checkContent12(c, errors);
    else {
      const unitIds = new Set<string>();
      for (const c of contents.filter((x) => x.group === 'unit')) for (const id of checkContent20(c, new Set(), errors)) unitIds.add(id);
      for (const c of contents.filter((x) => x.group === 'match')) checkContent20(c, unitIds, errors);
    }
    contents = [];
  };

  parser.on('opentag', (tag) => {
    depth++;
    const a = attrsOf(tag);
    const name = tag.local;
    if (depth === 1) version = a['version'] ?? '';
    if (name === 'trans-unit' || name === 'unit') {
      unitName = a['id'] ?? '?';
      if (name === 'trans-unit') transUnitIds.add(unitName);
      if (name === 'unit') checkSubType(`unit ${unitName}`, 'unit', a, errors);
      unitData = new Set();
    } else if (tag.uri === NS_MTC && name === 'match') {
      inMatch = true;
      matchData = new Set();
      checkSubType(`unit ${unitName} match`, 'match', a, errors);
    } else if (name === 'originalData') {
      dataTarget = inMatch ? matchData : unitData;
    } else if (name === 'data' && dataTarget) {
      if (dataTarget.has(a['id'] ?? '')) errors.push(`unit ${unitName}: duplicated data id "${a['id']}"`);
      dataTarget.add(a['id'] ?? '');
    } else if ((name === 'source' || name === 'target') && current === null) {
      const scope = inMatch ? matchData : null;
      current = {
        where: `unit ${unitName} ${inMatch ? 'match ' : ''}${name}`,
        codes: [],
        group: inMatch ? 'match' : 'unit',
        dataIds: () => scope ?? unitData,
      };
      currentDepth = depth;
      contents.push(current);
    } else if (current && (version === '1.2' ? CODES_1 : CODES_2).has(name)) {
      current.codes.push({ name, attrs: a });
      if (a['xid'] !== undefined) xids.push(a['xid']);
    }
  });
  parser.on('closetag', (tag) => {
    if (current && depth === currentDepth) current = null;
    if (tag.local === 'originalData') dataTarget = null;
    if (tag.uri === NS_MTC && tag.local === 'match') inMatch = false;
    if (tag.local === 'trans-unit' || tag.local === 'unit') finishUnit();
    depth--;
  });
  parser.write(xml).close();
  for (const xid of xids) if (!transUnitIds.has(xid)) errors.push(`xid="${xid}" names no trans-unit`);
  return errors;
}
