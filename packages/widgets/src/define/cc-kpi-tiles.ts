import { CcKpiTiles } from '../kpi-tiles/kpi-tiles.js';
import { define } from '../shared/define.js';

define('cc-kpi-tiles', CcKpiTiles);

export { CcKpiTiles };

declare global {
  interface HTMLElementTagNameMap {
    'cc-kpi-tiles': CcKpiTiles;
  }
}
