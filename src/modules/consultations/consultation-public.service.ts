/**
 * What the public sees of 意见征集: only consultations in the public states (the repository's scope), the
 * draft by article with the shown comments (masked names), the window and its basis, the reason when
 * short, and the feedback once its document is published.
 */
import { AppError } from '../../lib/errors.ts';
import type { WindowMinimum } from './consultation.model.ts';
import type { ConsultationService } from './consultation.service.ts';
import type { ArticleRow, ConsultationListRow, ConsultationRepository } from './consultations.repository.ts';
import type { FeedbackService } from './feedback.service.ts';
import { buildFeedbackReport, type FeedbackReport } from './feedback-report.ts';

export interface PublicComment {
  id: number;
  articleId: number | null;
  nameMasked: string | null;
  body: string;
  submittedAt: string;
}

export interface PublicConsultation {
  row: ConsultationListRow;
  articles: ArticleRow[];
  comments: PublicComment[];
  window: { min: WindowMinimum; length: number; short: boolean };
  /** The published feedback report, with its table. */
  feedback: { documentId: number; report: FeedbackReport } | null;
}

export interface RecentItem {
  title: string;
  href: string;
  date: string | null;
  note: string | null;
}

export class ConsultationPublicService {
  constructor(
    private readonly d: {
      repo: ConsultationRepository;
      consultations: ConsultationService;
      feedback: FeedbackService;
    },
  ) {}

  list(): Promise<ConsultationListRow[]> {
    return this.d.repo.listPublic();
  }

  async view(id: number): Promise<PublicConsultation> {
    const row = await this.d.repo.findPublic(id);
    if (!row) throw AppError.notFound('意见征集');
    const comments = (await this.d.repo.comments(id, ['shown'])).map((c) => ({
      id: c.id,
      articleId: c.article_id,
      nameMasked: c.name_masked,
      body: c.body,
      submittedAt: c.submitted_at,
    }));
    const fb = row.feedback_document_id;
    const published = fb !== null && (await this.d.repo.documentState(fb)) === 'published';
    return {
      row,
      articles: await this.d.repo.articles(id),
      comments,
      window: await this.d.consultations.windowOf(row),
      feedback: published
        ? { documentId: fb, report: buildFeedbackReport(await this.d.feedback.comments(row)) }
        : null,
    };
  }

  /** For the 互动交流 hub: open consultations first (closing soonest), then the others, newest first. */
  async recentPublic(limit: number): Promise<RecentItem[]> {
    const rows = await this.d.repo.listPublic(limit);
    return rows.map((r) => ({
      title: r.title,
      href: `/consultations/${r.id}`,
      date: r.opens_on,
      note:
        r.state === 'open'
          ? `征集中，${r.closes_on} 截止`
          : r.state === 'answered'
            ? '已反馈采纳情况'
            : `已于 ${r.closes_on} 截止`,
    }));
  }
}
