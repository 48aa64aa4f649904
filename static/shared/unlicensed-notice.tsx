import SectionMessage from '@atlaskit/section-message';
import { licence } from './messages/licence';

/** Said on every page while the site's licence is inactive: the app is read-only, and why. */
export function UnlicensedNotice() {
  return (
    <SectionMessage appearance="warning" title={licence.title} testId="unlicensed-notice">
      <p>{licence.body}</p>
    </SectionMessage>
  );
}
