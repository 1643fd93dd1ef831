/**
 * Applying pulled paragraph and sign-off changes, following the server's outcome
 * (docs/team.md#heads-and-conflicts). The server head of each paragraph is remembered
 * (team_paragraph_heads) so a conflict names both sides and an own change that lost can go
 * back to the head: every client ends in the same state.
 */
import type { ServerChange } from '../../../shared/team/changes.js';
import type { Paragraph } from '../../../shared/types.js';
import type { RemoteSignOff } from '../../db/audit/auditRecorder.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { TeamConflictSide } from '../ports.js';
import { paragraphPayloadSchema, signOffPayloadSchema } from './applyPayloads.js';
import type { Actor, ParagraphWriter } from './applyParagraphWrite.js';
import { revisionAction, revisionOrigin } from './applyParagraphWrite.js';
import { rawPublicKey, signOffProblem } from './applySignOffCheck.js';
import type { ApplyState, ParagraphHead } from './applyState.js';
import type { ConflictsStore } from './conflictsStore.js';

export interface ApplyContext {
  repos: Pick<Repositories, 'paragraphs' | 'documents' | 'revisions'>;
  state: ApplyState;
  conflicts: ConflictsStore;
  writer: ParagraphWriter;
  /** The member's display name and revision role (cached members; the role name when unknown). */
  actorOf(roleName: string): Actor;
  /** The paragraph's source in the server's order (an own re-import still on its way changed it only here). */
  sourceOf?(p: Paragraph): string;
}

/** What one change did. `conflict` also counts an own change that lost (it is acknowledged too). */
export type ChangeResult =
  { kind: 'applied' | 'acknowledged' | 'skipped' } | { kind: 'conflict'; own: boolean } | { kind: 'rejected'; reason: string };

const sideOf = (h: ParagraphHead): TeamConflictSide => ({ changeId: h.changeId, text: h.target, author: h.author, at: h.at });

function parseRemote(json: string | null): RemoteSignOff | undefined {
  return json === null ? undefined : (JSON.parse(json) as RemoteSignOff);
}

/** Back to the server's head: an own change lost, and the local copy showed it optimistically. */
function revertToHead(ctx: ApplyContext, p: Paragraph, head: ParagraphHead): void {
  const signOff = parseRemote(head.signOff);
  const status = head.status === 'signed-off' && !signOff ? 'translated' : (head.status as Paragraph['status']);
  ctx.writer.write(
    p,
    { target: head.target, status, excluded: head.excluded },
    { action: 'edit', origin: 'human', actor: { name: head.author, role: head.authorRole }, at: head.at, signOff },
  );
  ctx.state.setServerHead(p.id, head.changeId, true);
}

export function applyParagraphChange(ctx: ApplyContext, c: ServerChange): ChangeResult {
  const own = ctx.state.isOwn(c.id);
  if (own) ctx.state.acknowledge(c.id);
  const parsed = paragraphPayloadSchema.safeParse(c.payload);
  if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed paragraph change' };
  const payload = parsed.data;
  const p = ctx.repos.paragraphs.get(c.entityId);
  if (!p || p.documentId !== c.documentId) return { kind: 'rejected', reason: 'the paragraph is not in this library' };
  if (payload.status === 'signed-off')
    return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'a paragraph change cannot sign off' };
  const actor = ctx.actorOf(c.author);
  const side: TeamConflictSide = { changeId: c.id, text: payload.target, author: actor.name, at: c.clientAt };
  const pending = ctx.state.pendingOwn(p.id);

  if (c.outcome === 'conflict') {
    const head = ctx.state.paragraphHead(p.id);
    const headSide = head ? sideOf(head) : { changeId: ctx.state.heads(p.id).serverHead ?? '', text: p.target, author: '', at: '' };
    ctx.conflicts.add(p.id, p.documentId, headSide, side);
    // An own resolution that lost: the conflicts it would have settled are open again.
    if (own) ctx.conflicts.setResolving(p.id, payload.resolves ?? [], false);
    if (own && pending === 0 && head) revertToHead(ctx, p, head);
    return { kind: 'conflict', own };
  }

  const excluded = payload.excluded ?? ctx.state.paragraphHead(p.id)?.excluded ?? p.excluded !== undefined;
  const state = { target: payload.target, status: payload.status, excluded };
  // An own change is already in the local copy; a remote one waits while own changes are pending there.
  if (!own && pending === 0)
    ctx.writer.write(p, state, { action: revisionAction(payload.action), origin: revisionOrigin(payload.origin), actor, at: c.clientAt });
  ctx.state.setServerHead(p.id, c.id, pending === 0);
  ctx.state.setParagraphHead(p.id, { ...state, changeId: c.id, author: actor.name, authorRole: actor.role, at: c.clientAt, signOff: null });
  ctx.conflicts.resolve(p.id, payload.resolves ?? []);
  ctx.conflicts.moveHead(p.id, side);
  return { kind: own ? 'acknowledged' : 'applied' };
}

export function applySignOffChange(ctx: ApplyContext, c: ServerChange): ChangeResult {
  const own = ctx.state.isOwn(c.id);
  if (own) ctx.state.acknowledge(c.id);
  const parsed = signOffPayloadSchema.safeParse(c.payload);
  if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed sign-off' };
  const p = ctx.repos.paragraphs.get(c.entityId);
  if (!p || p.documentId !== c.documentId) return { kind: 'rejected', reason: 'the paragraph is not in this library' };
  if (c.outcome !== 'applied') return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'a sign-off that is not on the head' };
  const head = ctx.state.paragraphHead(p.id);
  const target = head?.target ?? p.target;
  const member = ctx.state.member(c.author);
  if (!own) {
    const problem = signOffProblem(parsed.data, member, {
      documentId: p.documentId,
      paragraphId: p.id,
      source: ctx.sourceOf?.(p) ?? p.source,
      target,
    });
    if (problem) return { kind: 'rejected', reason: problem };
  }
  const remote: RemoteSignOff = {
    claim: parsed.data.claim,
    signature: parsed.data.signature,
    signer: { member: c.author, publicKey: (member?.publicKey && rawPublicKey(member.publicKey)) ?? '' },
  };
  const actor = ctx.actorOf(c.author);
  const excluded = head?.excluded ?? p.excluded !== undefined;
  const pending = ctx.state.pendingOwn(p.id);
  if (!own && pending === 0)
    ctx.writer.write(
      p,
      { target, status: 'signed-off', excluded },
      { action: 'sign-off', origin: 'human', actor, at: remote.claim.at, signOff: remote },
    );
  ctx.state.setServerHead(p.id, c.id, pending === 0);
  const newHead = {
    changeId: c.id,
    target,
    status: 'signed-off',
    excluded,
    author: actor.name,
    authorRole: actor.role,
    at: remote.claim.at,
  };
  ctx.state.setParagraphHead(p.id, { ...newHead, signOff: JSON.stringify(remote) });
  ctx.conflicts.moveHead(p.id, sideOf({ ...newHead, signOff: null }));
  return { kind: own ? 'acknowledged' : 'applied' };
}
