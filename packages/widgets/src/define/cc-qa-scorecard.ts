import { CcQaScorecard } from '../qa-scorecard/qa-scorecard.js';
import { define } from '../shared/define.js';

define('cc-qa-scorecard', CcQaScorecard);

export { CcQaScorecard };

declare global {
  interface HTMLElementTagNameMap {
    'cc-qa-scorecard': CcQaScorecard;
  }
}
