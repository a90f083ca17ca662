/** /admin/publishing/checks: the configuration of the pre-publication checks (CheckSettingsService). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requirePermission, viewContext } from '../../../http/request-context.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { PublishingContext } from '../publishing.api.ts';
import { CheckSettingsPage } from '../views/admin-check-settings.tsx';
import { configToForm } from './check-settings.service.ts';

const CHECK_SETTINGS_PATH = '/admin/publishing/checks';

export function registerAdminCheckSettingsRoutes(server: FastifyInstance, app: PublishingContext): void {
  const settings = app.publishing.checkSettings;
  const guard = (req: FastifyRequest) => {
    const actor = requirePermission(req, 'disclosure.manage');
    if (!settings.canManage(actor))
      throw AppError.forbidden('只有本级政府的政务公开管理员可以修改发布前检查设置');
  };
  const page = async (req: FastifyRequest, form?: FormState) => {
    guard(req);
    const done = (req.query as Record<string, string>).done;
    return CheckSettingsPage({
      ctx: await viewContext(app, req),
      form: form ?? emptyForm(configToForm(await settings.load())),
      done: done === '1',
    });
  };

  server.get(CHECK_SETTINGS_PATH, async (req, reply) => sendPage(reply, await page(req)));

  server.post(CHECK_SETTINGS_PATH, async (req, reply) => {
    guard(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await settings.save(req.ctx, req.body);
        return `${CHECK_SETTINGS_PATH}?done=1`;
      },
      (form) => page(req, form),
    );
  });
}
