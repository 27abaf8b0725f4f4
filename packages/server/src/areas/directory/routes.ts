import type { DefineOperation } from '../../core/area.js';
import { created, ok } from '../../core/area.js';
import type { DirectoryService } from './service.js';

export function directoryRoutes(defineOperation: DefineOperation, directory: DirectoryService) {
  defineOperation('listDemoUsers', () => ok({ items: directory.demoUsers() }));

  defineOperation('issueDemoToken', (ctx) => created(directory.demoToken(ctx.body, ctx.now)));

  defineOperation('getMe', (ctx) => ok(directory.me(ctx.caller)));

  defineOperation('listTeams', (ctx) => ok(directory.listTeams(ctx.query)));

  defineOperation('getTeam', (ctx) => {
    const team = directory.getTeam(ctx.params.teamId);
    return ok(team, { etag: team.version });
  });

  defineOperation('updateTeam', (ctx) => {
    const team = directory.updateTeam(ctx.params.teamId, ctx.ifMatch, ctx.body, ctx.now);
    return ok(team, { etag: team.version });
  });

  defineOperation('listAgents', (ctx) => ok(directory.listUsers(ctx.query)));

  defineOperation('getAgent', (ctx) => ok(directory.getUser(ctx.params.agentId)));

  defineOperation('recordAgentPresence', (ctx) =>
    ok(directory.recordPresence(ctx.caller, ctx.params.agentId, ctx.body, ctx.now)),
  );

  defineOperation('listDepartments', (ctx) => ok(directory.listDepartments(ctx.query)));

  defineOperation('listComplaintCategories', (ctx) => ok(directory.listCategories(ctx.query)));

  defineOperation('listComplaintRoutingRules', (ctx) => ok(directory.listRoutingRules(ctx.query)));
}
