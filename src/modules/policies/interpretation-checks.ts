/**
 * 三同步 at 审核: a policy of a kind that must be interpreted (setting KINDS_REQUIRING_INTERPRETATION)
 * is not submitted or approved without (a) a 解读方案 in its metadata, (b) an attached 解读 material, (c) a
 * 解读 document interpreting it, or (d) a recorded reason why none is needed. Basis: “三同步” — 政策文件与
 * 解读方案、解读材料同步起草、同步审签、同步发布（国办发〔2016〕80号; regulations §6).
 */
import type { CheckRun, PrePublicationCheck } from '../publishing/checks/check-registry.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { InterpretationService } from './interpretation.service.ts';
import { POLICY_KIND_LABELS, POLICY_KINDS, type PolicyKind } from './policy.model.ts';

export const THREE_SYNC_CHECK = 'policies.three-sync';

/**
 * File names of attachments that are 解读 materials: 解读, 图解 / 一图读懂, 问答 / 答记者问, 解读方案. A
 * word in the name is all the check reads: the material itself is judged by the reviewer.
 */
export const INTERPRETATION_MATERIAL_NAME = /解读|图解|一图(?:读懂|看懂)|问答|答记者问|答问|政策吹风/u;

/** Whether an attachment's file name says it is a 解读 material. */
export function isInterpretationMaterial(fileName: string): boolean {
  return INTERPRETATION_MATERIAL_NAME.test(fileName);
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The finding's text: what is missing, each with what to do. */
export function threeSyncMessage(kind: PolicyKind): string {
  return (
    `三同步：${POLICY_KIND_LABELS[kind]}须同步解读，本文件缺少以下任一项：` +
    '（一）解读方案——在“解读方案”栏填写；' +
    '（二）解读材料——上传文件名含“解读”“图解”或“问答”的附件；' +
    '（三）政策解读——在本文件页面“新建解读”并关联本文件；' +
    '（四）无需解读的理由——在“无需解读的理由”栏写明。补充其中一项后再送审。'
  );
}

async function run(interpretations: InterpretationService, r: CheckRun) {
  const doc = r.document;
  if (!doc || !(await interpretations.requires(doc.kind))) return [];
  const m = doc.kindMetadata;
  if (text(m.interpretationPlan) || text(m.noInterpretationReason)) return [];
  if ((r.input.attachments ?? []).some((a) => isInterpretationMaterial(a.name))) return [];
  if (await interpretations.repo.hasInterpretation(doc.id)) return [];
  return [{ message: threeSyncMessage(doc.kind as PolicyKind) }];
}

/** Registers the 三同步 check (once per App). */
export function registerThreeSyncCheck(
  publishing: Pick<PublishingApi, 'checkRegistry'>,
  interpretations: InterpretationService,
): void {
  const check: PrePublicationCheck<typeof THREE_SYNC_CHECK> = {
    name: THREE_SYNC_CHECK,
    label: '三同步（政策文件与解读同步）',
    defaultSeverity: 'block',
    kinds: POLICY_KINDS,
    run: (r) => run(interpretations, r),
  };
  publishing.checkRegistry.register(check);
}
