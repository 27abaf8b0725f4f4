/** The directory area: demo sign-in, me, teams, staff and presence, departments, categories, routing rules. */
import { listOperations } from '@cc-kit/spec/load';
import type { Role } from '@cc-kit/domain';
import { defineArea } from '../../core/area.js';
import { seedBase } from '../../seed/base.js';
import { directoryRoutes } from './routes.js';
import { DirectoryService } from './service.js';
import { SqliteDirectoryStore } from './sqlite-store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    directory: DirectoryService;
  }
}

export default defineArea({
  name: 'directory',
  order: 2,
  setup({ services, defineOperation, provide }) {
    const operations = listOperations(services.spec.doc);
    const permissions = (role: Role) =>
      operations.filter((op) => op.roles.includes(role)).map((op) => op.operationId);
    const timeZone = () =>
      (
        services.db.prepare('SELECT time_zone FROM business_calendar WHERE id = 1').get() as
          { time_zone: string } | undefined
      )?.time_zone ?? 'UTC';
    const directory = new DirectoryService(
      new SqliteDirectoryStore(services.db),
      services,
      permissions,
      timeZone,
    );
    provide('directory', directory);
    directoryRoutes(defineOperation, directory);
  },
  seed: seedBase,
});
