import { CcQaReview } from '../qa-review/qa-review.js';
import { define } from '../shared/define.js';

define('cc-qa-review', CcQaReview);

export { CcQaReview };

declare global {
  interface HTMLElementTagNameMap {
    'cc-qa-review': CcQaReview;
  }
}
