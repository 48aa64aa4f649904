// Boot side effects live here and only here: theming, then the first render.
import '@atlaskit/css-reset';
import '../../shared/color-scheme.css';
import '../../shared/line-breaking.css';
import { createRoot } from 'react-dom/client';
import { enableTheming } from '../../shared/bridge';
import { startI18n } from '../../shared/i18n';
import { AdminPage } from './admin-page';

void enableTheming();
const root = document.getElementById('root');
// The reader's locale and zone first, so no date or number shows the browser's guess and then changes.
void startI18n()
  .catch(() => undefined)
  .finally(() => {
    if (root) createRoot(root).render(<AdminPage />);
  });
