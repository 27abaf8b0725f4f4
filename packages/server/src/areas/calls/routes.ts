import { ok, type DefineOperation } from '../../core/area.js';
import type { LivePublisher } from './live.js';
import type { CallService } from './service.js';

export function callRoutes(
  defineOperation: DefineOperation,
  calls: CallService,
  live: LivePublisher,
) {
  defineOperation('listCalls', (ctx) => ok(calls.list(ctx.caller, ctx.query)));

  defineOperation('getCall', (ctx) => ok(calls.get(ctx.caller, ctx.params.callId)));

  defineOperation(
    'ingestCalls',
    (ctx) => {
      const { result, changedTeams } = calls.ingest(ctx.body.calls as unknown[], ctx.now);
      if (result.created + result.updated > 0) live.changed(changedTeams);
      return ok(result);
    },
    { itemsCheckedByHandler: 'calls' },
  );

  defineOperation('getKpis', (ctx) => ok(calls.report(ctx.caller, ctx.query, ctx.now)));

  defineOperation('exportKpis', (ctx) => {
    const { csv, filename } = calls.exportCsv(ctx.caller, ctx.query, ctx.now);
    return {
      status: 200,
      body: csv,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
      },
    };
  });

  defineOperation('getLiveKpis', (ctx) => {
    const scope = calls.resolveScope(ctx.caller, ctx.query.scope, ctx.query.scopeId, {
      centerRoles: ['operations_manager'],
    });
    return ok(
      calls.live(scope, ctx.now, {
        thresholdSeconds: ctx.query.serviceLevelThresholdSeconds,
        windowMinutes: ctx.query.windowMinutes,
      }),
    );
  });

  defineOperation('getAppraisal', (ctx) => ok(calls.appraisal(ctx.caller, ctx.query, ctx.now)));

  defineOperation('listKpiTargets', () => ok({ items: calls.targets() }));

  defineOperation('setKpiTarget', (ctx) => {
    const target = calls.setTarget(ctx.params.metric, ctx.ifMatch, ctx.body);
    return ok(target, { etag: target.version });
  });
}
