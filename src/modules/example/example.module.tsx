/**
 * A worked example of a module (ARCHITECTURE.md "Adding a module"): 单位联系方式一览, a back-office page
 * that lists every active unit's public contact, with its own permission action, menu entry, daily
 * job and demo-data part. It is not in the module list (src/modules.ts); its test
 * (test/http/example-module.db.test.ts) builds the app with it added and checks that nothing else
 * needed editing. A real module would also add its tables: a migration file in src/db/migrations/
 * registered at the end of MIGRATIONS, and its table types in `<name>.tables.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { AdminLayout } from '../../http/views/layouts.tsx';
import type { ActionDeclaration } from '../../kernel/roles.ts';
import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { defineModule, type Registry } from '../../platform/module.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    'example.view': true;
  }
}

declare module '../../platform/module.ts' {
  interface ModuleApis {
    /** What the example offers the modules after it: the contact list. */
    contacts: ContactDirectory;
  }
}

export interface UnitContact {
  unitId: number;
  name: string;
  phone: string | null;
}

/** The module's service: reads the unit tree through orgs' interface, never its repository. */
class ContactDirectory {
  constructor(private readonly r: Pick<Registry, 'units' | 'audit' | 'db'>) {}

  async list(): Promise<UnitContact[]> {
    return (await this.r.units.listActive()).map((u) => ({ unitId: u.id, name: u.name, phone: u.phone }));
  }

  /** The daily job: records how many units publish no telephone number (an audited state of the day). */
  async dailyCheck(day: string): Promise<{ withoutPhone: number }> {
    const withoutPhone = (await this.list()).filter((c) => !c.phone).length;
    await this.r.db.transaction().execute((trx) =>
      this.r.audit.record(
        trx,
        { actor: systemActor('示例模块每日任务'), meta: NO_REQUEST },
        {
          action: 'example.daily_check',
          targetType: 'job',
          targetId: 'example.daily-check',
          summary: `${day}：${withoutPhone} 个单位未公布联系电话`,
        },
      ),
    );
    return { withoutPhone };
  }
}

const ACTIONS: readonly ActionDeclaration[] = [
  { action: 'example.view', label: '查看单位联系方式一览', roles: ['disclosure_admin'] },
];

function registerExampleRoutes(server: FastifyInstance, contacts: ContactDirectory, app: Registry): void {
  server.get('/admin/example/contacts', async (req, reply) => {
    requirePermission(req, 'example.view');
    const rows = await contacts.list();
    return sendPage(
      reply,
      <AdminLayout ctx={await viewContext(app, req)} title="单位联系方式一览">
        <h1>单位联系方式一览</h1>
        <table>
          <caption class="visually-hidden">单位联系方式</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">联系电话</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.unitId}>
                <td>{c.name}</td>
                <td>{c.phone ?? '未公布'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminLayout>,
    );
  });
}

export const exampleModule = defineModule({
  name: 'example',
  label: '示例模块',
  needs: ['units'],
  build: (r) => new ContactDirectory(r),
  provides: ['contacts'],
  expose: (contacts) => ({ contacts }),
  routes: (server, contacts, r) => registerExampleRoutes(server, contacts, r),
  jobs: (contacts) => [
    {
      kind: 'daily',
      id: 'example.daily-check',
      description: '示例：统计未公布联系电话的单位',
      run: (day) => contacts.dailyCheck(day),
    },
  ],
  menu: [{ area: 'system', href: '/admin/example/contacts', label: '单位联系方式', action: 'example.view' }],
  actions: ACTIONS,
  seed: {
    part: 'example',
    order: 90,
    run: async (contacts) => `示例模块：${(await contacts.list()).length} 个单位的联系方式`,
  },
});
