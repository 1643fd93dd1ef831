// Engines declare what they can do (`capabilities`, main/engines/capabilities.ts); code outside
// main/engines/ never branches on which engine it has. This scan finds, with the type checker, a
// read of an engine's `kind` that decides something (a comparison, switch, condition or lookup) and
// an engine's `id` compared with a fixed name, in every non-test file of main/ outside main/engines/.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const PASS_THROUGH = new Set([ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken]);
const LOOKUPS = new Set(['includes', 'has', 'get', 'indexOf']);

/** An MtEngine by its shape: it describes itself and translates batches. */
function isEngine(type: ts.Type): boolean {
  const t = type.getNonNullableType();
  return t.getProperty('translateBatch') !== undefined && t.getProperty('describe') !== undefined;
}

/** The expression the value ends up in, through parentheses, casts and `??` / `||` / `&&`. */
function outermost(node: ts.Expression): ts.Expression {
  let n: ts.Expression = node;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isBinaryExpression(p) && PASS_THROUGH.has(p.operatorToken.kind)) n = p;
    else return n;
  }
}

function decides(node: ts.Expression): boolean {
  const n = outermost(node);
  const p = n.parent;
  if (ts.isBinaryExpression(p)) return EQUALITY.has(p.operatorToken.kind);
  if (ts.isSwitchStatement(p) || ts.isIfStatement(p) || ts.isWhileStatement(p)) return true;
  if (ts.isConditionalExpression(p)) return p.condition === n;
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isElementAccessExpression(p)) return p.argumentExpression === n;
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression)) return LOOKUPS.has(p.expression.name.text);
  return false;
}

function comparedWithName(node: ts.Expression): boolean {
  const p = outermost(node).parent;
  if (ts.isBinaryExpression(p) && EQUALITY.has(p.operatorToken.kind))
    return ts.isStringLiteralLike(p.left) || ts.isStringLiteralLike(p.right);
  return ts.isSwitchStatement(p) && p.caseBlock.clauses.some((c) => ts.isCaseClause(c) && ts.isStringLiteralLike(c.expression));
}

/** `file:line: code` for each branch on an engine's kind (or fixed id) in `files`. */
export function engineBranches(files: readonly string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (
        ts.isPropertyAccessExpression(node) &&
        (node.name.text === 'kind' || node.name.text === 'id') &&
        isEngine(checker.getTypeAtLocation(node.expression))
      ) {
        if (node.name.text === 'kind' ? decides(node) : comparedWithName(node)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push(`${path.relative(root, file)}:${line}: ${outermost(node).parent.getText().slice(0, 120)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function mainConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.main.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  return parsed!;
}

const FIXTURE = `
interface Engine { readonly id: string; readonly kind?: 'apertium' | 'deepl' | 'openai'; describe(): void; translateBatch(): void }
declare const engine: Engine;
declare const chosen: { engine: Engine };
declare const table: Record<string, boolean>;
export const a = engine.kind === 'openai' || engine.kind === 'deepl' ? 1 : 0;
export const b = (engine.kind ?? 'apertium') !== 'apertium';
export function c(): number { switch (chosen.engine.kind) { case 'deepl': return 1; default: return 0; } }
export const d = table[engine.kind ?? 'apertium'];
export const e = ['deepl'].includes(engine.kind!);
export const f = engine.id === 'openai';
// Not branches: passing the kind on, comparing ids with a variable, another object's kind.
export const g = { kind: engine.kind ?? 'apertium' };
export const h = (id: string): boolean => engine.id === id;
export const i = ({ kind: 'text' } as { kind: string }).kind === 'text';
`;

describe('no branch on an engine kind outside main/engines/', () => {
  it('the scanner finds each form of branch and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-engine-kinds-'));
    try {
      const file = path.join(dir, 'service.ts');
      fs.writeFileSync(file, FIXTURE);
      const found = engineBranches([file], { strict: true, target: ts.ScriptTarget.ES2022, types: [] }).map((f) =>
        f.replace(/^.*service\.ts:/, ''),
      );
      expect(found.map((f) => Number(f.split(':')[0]))).toEqual([6, 6, 7, 8, 9, 10, 11]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('main/ outside main/engines/ asks engines what they can do, never which engine they are', () => {
    const config = mainConfig();
    const engines = path.join(root, 'main', 'engines') + path.sep;
    const files = config.fileNames.filter((f) => f.endsWith('.ts') && !path.resolve(f).startsWith(engines));
    expect(files.length).toBeGreaterThan(50);
    expect(engineBranches(files, config.options)).toEqual([]);
  }, 60_000);
});
