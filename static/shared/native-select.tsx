import type { ChangeEvent } from 'react';
import type { ControlProps } from './field';
import './native-select.css';

/**
 * A native `<select>` in Jira's look, with a chevron (native-select.css): a few fixed options need
 * no @atlaskit/select (react-select would cost more of the bundle than this whole page's forms).
 * Plain elements and a stylesheet, no ADS primitives, so the arrow the browser draws can be
 * replaced by one in the theme's icon colour.
 */
export function NativeSelect<V extends string>(
  props: ControlProps & { value: V; options: ReadonlyArray<{ value: V; label: string }>; onChange: (value: V) => void; name?: string },
) {
  const { value, options, onChange, isInvalid: _isInvalid, ...control } = props;
  return (
    <span className="ns-field">
      <select className="ns-select" value={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V)} {...control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
