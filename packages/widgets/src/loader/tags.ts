/**
 * The tags the loader knows. The build replaces this list with one tag per
 * `src/define/cc-*.ts` file (except `all.ts`), so a new element never has to be added here.
 */
export const TAGS: readonly string[] = ['cc-provider'];
