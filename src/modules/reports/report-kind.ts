/**
 * The 政府信息 kind a report is published as (`annual_report`, filed under the 政府信息公开年报 column), and
 * the pre-publication check that keeps the document and its report in step: the document must have been
 * made from a report, its body must be the report as sent (edits belong on the report's page), and the
 * report's own checks must still pass — publishing runs it at submission, approval and 强制发布.
 */
import { z } from 'zod';
import { optionalIntField } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PrePublicationCheck } from '../publishing/checks/check-registry.ts';
import type { DocumentKind } from '../publishing/documents/document-kinds.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { ReportDocument, ReportFigures, ReportSections } from './report.model.ts';
import { REPORT_KIND, type ReportService } from './report.service.ts';
import type { ReportRepository } from './reports.repository.ts';

export const CONSISTENCY_CHECK = 'reports.consistent';

export const annualReportKind: DocumentKind<{ year?: number | undefined }> = {
  key: REPORT_KIND,
  label: '政府信息公开工作年度报告',
  metadataSchema: z.object({ year: optionalIntField('报告年度', { min: 2021, max: 2100 }) }),
  fields: [
    {
      name: 'year',
      label: '报告年度',
      type: 'text',
      hint: '由“年度报告”页面生成；报告内容请在年度报告页面修改后重新送审',
    },
  ],
  listColumns: [{ header: '报告年度', value: (m) => (m.year ? String(m.year) : null) }],
  defaultColumns: ['annual_report'],
};

const squash = (html: string) => html.replace(/\s+/g, '');

export function consistencyCheck(d: {
  repo: ReportRepository;
  reports: ReportService;
  renderBody: (doc: ReportDocument) => string;
  units: Pick<UnitService, 'findById'>;
}): PrePublicationCheck<`${string}.${string}`> {
  return {
    name: CONSISTENCY_CHECK,
    label: '年度报告与送审内容一致',
    defaultSeverity: 'block',
    kinds: [REPORT_KIND],
    run: async ({ document, input }) => {
      if (!document) return [];
      const row = await d.repo.findByDocument(document.id);
      if (!row?.figures)
        return [{ message: '本信息不是由“年度报告”页面送审生成的；请在年度报告页面编制并送审' }];
      const unit = await d.units.findById(row.unit_id);
      if (!unit) return [];
      const figures = JSON.parse(row.figures) as ReportFigures;
      const sections = JSON.parse(row.sections) as ReportSections;
      const expected = d.renderBody({ unitName: unit.name, year: row.year, dateOn: null, sections, figures });
      const findings: { message: string }[] = [];
      if (squash(expected) !== squash(input.bodyHtml))
        findings.push({
          message: '正文与年度报告送审时的内容不一致：报告内容请在“年度报告”页面修改，然后重新送审',
        });
      const view = await d.reports.viewOf(unit, row.year);
      for (const c of d.reports
        .checksOf(row.year, figures, sections, view.previous)
        .filter((x) => x.severity === 'error'))
        findings.push({ message: `${c.title}：${c.message}` });
      return findings;
    },
  };
}

export function registerReportKind(
  publishing: Pick<PublishingApi, 'kinds' | 'checkRegistry'>,
  check: PrePublicationCheck<`${string}.${string}`>,
): void {
  publishing.kinds.register(annualReportKind);
  publishing.checkRegistry.register(check);
}
