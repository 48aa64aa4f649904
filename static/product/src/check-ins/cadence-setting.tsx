/**
 * How often the product expects a check-in on each open goal and item (weekly by default): an
 * editor's choice, saved at once on condition of the version read, and announced.
 */
import { useEffect, useState } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import { checkInCadences } from '../../../../src/domain/status-updates';
import type { CheckInCadence } from '../../../../src/domain/status-updates';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { checkIns as m } from '../../../shared/messages/check-ins';
import { NativeSelect } from '../../../shared/native-select';
import { WriteError } from '../../../shared/write-error';

// Labels read when drawn: a module-level copy would stay in the language the bundle loaded with.
const options = () => checkInCadences.map((cadence) => ({ value: cadence, label: m.cadenceOptions[cadence] }));

export function CadenceSetting() {
  const announce = useAnnounce();
  const [current, setCurrent] = useState<{ cadence: CheckInCadence; version: number }>();
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void attempt(() => invoke('getCheckIns')).then((result) => {
      if (live && result.ok) setCurrent({ cadence: result.value.cadence, version: result.value.cadenceVersion });
    });
    return () => {
      live = false;
    };
  }, []);

  if (!current) return null;
  const choose = async (cadence: CheckInCadence) => {
    setBusy(true);
    const result = await attempt(() => invoke('saveCheckInCadence', { cadence, baseVersion: current.version }));
    setBusy(false);
    if (!result.ok) {
      const theirs = result.error.current as { cadence: CheckInCadence; version: number } | undefined;
      if (theirs) setCurrent(theirs);
      return setError(result.error);
    }
    setError(undefined);
    setCurrent(result.value);
    announce(m.cadenceSaved(cadence));
  };
  return (
    <Inline space="space.100" alignBlock="end" shouldWrap testId="check-in-cadence">
      <Field label={m.cadenceLabel}>{(control) => <NativeSelect {...control} value={current.cadence} options={options()} onChange={(cadence) => void choose(cadence)} name="check-in-cadence" />}</Field>
      {busy ? <Text size="small" color="color.text.subtlest">{m.loadingOlder}</Text> : null}
      {error ? <WriteError error={error} headingLevel="h5" /> : null}
    </Inline>
  );
}
