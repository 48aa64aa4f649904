/**
 * The product page's name, in one form wherever it shows: the vision's product name, else Jira's
 * project name (as the portfolio names the product), the key only when Jira gave no name.
 */
import type { StrategyView } from '../../../src/contract';

export function productPageName(view: Pick<StrategyView, 'project' | 'vision'>): string {
  return view.vision.board.productName.trim() || view.project.name?.trim() || view.project.key;
}
