import SectionMessage from '@atlaskit/section-message';
import type { UiError } from './errors';
import { errorTitleOf } from './error-title';
import { common } from './messages/common';
import './error-text.css';

/** The level of the notice's title: one below the section it appears in, so headings stay in order. */
export type HeadingLevel = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * A failed write that no field shows: a refusal is a warning that says what to do, anything else
 * an error with the server's words. Conflicts have their own notice.
 */
export function WriteError({ error, headingLevel = 'h3' }: { error: UiError; headingLevel?: HeadingLevel }) {
  if (error.code === 'forbidden') {
    return (
      <SectionMessage appearance="warning" title={common.forbiddenWrite} headingLevel={headingLevel}>
        <p>{error.message}</p>
        <p>{common.forbiddenWriteHint}</p>
      </SectionMessage>
    );
  }
  const title = error.code === 'invalid' ? common.writeFailed : errorTitleOf(error.code);
  return (
    <SectionMessage appearance="error" title={title} headingLevel={headingLevel}>
      <p className="error-text">{error.message}</p>
    </SectionMessage>
  );
}
