// Boot side effects live here and only here: theming, then the first render.
import '@atlaskit/css-reset';
import '../../shared/color-scheme.css';
import './gadget.css';
import { createRoot } from 'react-dom/client';
import { enableTheming } from '../../shared/bridge';
import { Gadget } from './gadget';

void enableTheming();
const root = document.getElementById('root');
if (root) createRoot(root).render(<Gadget />);
