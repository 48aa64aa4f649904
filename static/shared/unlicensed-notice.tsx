import SectionMessage from '@atlaskit/section-message';
import { messages } from './messages';

/** Said on every page while the site's licence is inactive: the app is read-only, and why. */
export function UnlicensedNotice() {
  return (
    <SectionMessage appearance="warning" title={messages.licence.title} testId="unlicensed-notice">
      <p>{messages.licence.body}</p>
    </SectionMessage>
  );
}
