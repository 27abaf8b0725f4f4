// The benchmark database for this run: the cached large-volume database (full run) copied once
// per run, or none (quick subset: the default demo volume in memory).
import { largeDb, workingCopy } from './db.mjs';

export async function benchDb(ctx) {
  if (ctx.quick)
    return { options: { dbFile: ':memory:' }, label: 'default demo data in memory (quick subset)' };
  if (!ctx.dbCopy) {
    const { file, key, generatedMs } = await largeDb({ log: ctx.log });
    ctx.log('  copying the cached database for this run');
    ctx.dbCopy = { file: workingCopy(file), key, generatedMs };
  }
  return {
    options: { dbFile: ctx.dbCopy.file },
    label: `1M tickets, 1M calls (generator ${ctx.dbCopy.key}${ctx.dbCopy.generatedMs ? `, generated on this run in ${(ctx.dbCopy.generatedMs / 60000).toFixed(1)} min` : ', cached'})`,
  };
}
