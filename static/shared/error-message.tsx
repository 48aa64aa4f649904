import SectionMessage from '@atlaskit/section-message';
import Button from '@atlaskit/button/new';
import type { LoadState } from './use-result';
import { errorTitleOf } from './error-title';
import { product } from './messages/product';
import type { HeadingLevel } from './write-error';
import './error-text.css';

type Failure = Extract<LoadState<unknown>, { status: 'failed' }>['error'];

/** A failed load, said plainly: forbidden is a notice, not an error, and has no retry. */
export function ErrorMessage({ error, onRetry, headingLevel = 'h2' }: { error: Failure; onRetry?: () => void; headingLevel?: HeadingLevel }) {
  const canRetry = onRetry && error.code !== 'forbidden' && error.code !== 'not-found';
  return (
    <SectionMessage
      appearance={error.code === 'forbidden' ? 'warning' : 'error'}
      title={errorTitleOf(error.code)}
      headingLevel={headingLevel}
      actions={canRetry ? [<Button key="retry" onClick={onRetry}>{product.retry}</Button>] : []}
    >
      <p className="error-text">{error.message}</p>
    </SectionMessage>
  );
}
