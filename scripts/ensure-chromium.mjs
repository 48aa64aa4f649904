// Browser tests drive Debian's Chromium (never a downloaded browser: this machine reaches only the
// npm registry and Debian's packages). Installs it when missing and we are root; otherwise says how.
// Japanese needs a font Debian's Chromium does not bring: without one, ja-JP pages render boxes
// (tofu) whose widths are not the text's, and the layout sweep and screenshots would measure them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const japaneseFont = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';
const packages = [
  ...(existsSync(path) ? [] : ['chromium', 'chromium-driver']),
  ...(existsSync(japaneseFont) ? [] : ['fonts-ipafont-gothic']),
];
if (packages.length === 0) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(`Missing for the browser tests: ${packages.join(', ')}. Install with: sudo apt-get install -y ${packages.join(' ')} (or set CHROMIUM_PATH).`);
  process.exit(existsSync(path) ? 0 : 1); // without the font the tests run, with tofu in Japanese screenshots
}
console.log(`Installing Debian's ${packages.join(', ')}…`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
