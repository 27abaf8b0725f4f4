import { created, ok, type DefineOperation } from '../../core/area.js';
import type { QaService } from './service.js';

export function qaRoutes(defineOperation: DefineOperation, qa: QaService) {
  defineOperation('listScorecardTemplates', (ctx) => ok(qa.listTemplates(ctx.query)));

  defineOperation('createScorecardTemplate', (ctx) => {
    const template = qa.createTemplate(ctx.caller, ctx.body, ctx.now);
    return created(template, {
      location: `/v1/qa/templates/${template.id}`,
      etag: template.version,
    });
  });

  defineOperation('getScorecardTemplate', (ctx) => {
    const template = qa.getTemplate(ctx.params.templateId, ctx.query.version);
    return ok(template, { etag: template.version });
  });

  defineOperation('publishScorecardTemplateVersion', (ctx) => {
    const template = qa.publishTemplate(
      ctx.caller,
      ctx.params.templateId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return created(template, { etag: template.version });
  });

  defineOperation('listEvaluations', (ctx) => ok(qa.list(ctx.caller, ctx.query, ctx.now)));

  defineOperation('createEvaluation', (ctx) => {
    const evaluation = qa.createEvaluation(ctx.caller, ctx.body, ctx.now);
    return created(evaluation, {
      location: `/v1/qa/evaluations/${evaluation.id}`,
      etag: evaluation.version,
    });
  });

  defineOperation('getEvaluation', (ctx) => {
    const evaluation = qa.view(ctx.caller, ctx.params.evaluationId, ctx.now);
    return ok(evaluation, { etag: evaluation.version });
  });

  defineOperation('updateEvaluation', (ctx) => {
    const evaluation = qa.updateEvaluation(
      ctx.caller,
      ctx.params.evaluationId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(evaluation, { etag: evaluation.version });
  });

  defineOperation('submitEvaluation', (ctx) => {
    const evaluation = qa.submitEvaluation(
      ctx.caller,
      ctx.params.evaluationId,
      ctx.ifMatch,
      ctx.now,
    );
    return ok(evaluation, { etag: evaluation.version });
  });

  defineOperation('acknowledgeEvaluation', (ctx) => {
    const evaluation = qa.acknowledgeEvaluation(
      ctx.caller,
      ctx.params.evaluationId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(evaluation, { etag: evaluation.version });
  });

  defineOperation('disputeEvaluation', (ctx) => {
    const evaluation = qa.disputeEvaluation(
      ctx.caller,
      ctx.params.evaluationId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return created(evaluation, { etag: evaluation.version });
  });

  defineOperation('resolveDispute', (ctx) => {
    const evaluation = qa.resolveDispute(
      ctx.caller,
      ctx.params.evaluationId,
      ctx.params.disputeId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(evaluation, { etag: evaluation.version });
  });

  defineOperation('listEvaluationVersions', (ctx) =>
    ok(qa.versions(ctx.caller, ctx.params.evaluationId)),
  );

  defineOperation('createCalibrationSession', (ctx) => {
    const session = qa.createCalibration(ctx.caller, ctx.body, ctx.now);
    return created(session, { location: `/v1/qa/calibrations/${session.id}` });
  });

  defineOperation('getCalibrationSession', (ctx) =>
    ok(qa.calibration(ctx.caller, ctx.params.sessionId)),
  );
}
