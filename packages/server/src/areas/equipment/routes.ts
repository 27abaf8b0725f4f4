import { created, ok, type DefineOperation } from '../../core/area.js';
import type { EquipmentService } from './service.js';

export function equipmentRoutes(defineOperation: DefineOperation, equipment: EquipmentService) {
  defineOperation('listSeats', (ctx) => ok(equipment.listSeats(ctx.caller, ctx.query)));

  defineOperation('listAssets', (ctx) => ok(equipment.listAssets(ctx.caller, ctx.query)));

  defineOperation('createAsset', (ctx) => {
    const asset = equipment.createAsset(ctx.caller, ctx.body, ctx.now);
    return created(asset, { location: `/v1/equipment/assets/${asset.id}`, etag: asset.version });
  });

  defineOperation('getAsset', (ctx) => {
    const asset = equipment.getAsset(ctx.caller, ctx.params.assetId);
    return ok(asset, { etag: asset.version });
  });

  defineOperation('updateAsset', (ctx) => {
    const asset = equipment.updateAsset(
      ctx.caller,
      ctx.params.assetId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(asset, { etag: asset.version });
  });

  defineOperation('listEquipmentChecks', (ctx) => ok(equipment.listChecks(ctx.caller, ctx.query)));

  defineOperation('startEquipmentCheck', (ctx) => {
    const check = equipment.startCheck(ctx.caller, ctx.body, ctx.now);
    return created(check, { location: `/v1/equipment/checks/${check.id}`, etag: check.version });
  });

  defineOperation('getEquipmentCheck', (ctx) => {
    const check = equipment.getCheck(ctx.caller, ctx.params.checkId);
    return ok(check, { etag: check.version });
  });

  defineOperation('updateEquipmentCheck', (ctx) => {
    const check = equipment.updateCheck(ctx.caller, ctx.params.checkId, ctx.ifMatch, ctx.body);
    return ok(check, { etag: check.version });
  });

  defineOperation('submitEquipmentCheck', (ctx) => {
    const check = equipment.submitCheck(ctx.caller, ctx.params.checkId, ctx.ifMatch, ctx.now);
    return ok(check, { etag: check.version });
  });

  defineOperation('listDueEquipmentChecks', (ctx) =>
    ok(equipment.listDue(ctx.caller, ctx.query, ctx.now)),
  );

  defineOperation('getEquipmentSummary', (ctx) => ok(equipment.summary(ctx.caller, ctx.now)));
}
