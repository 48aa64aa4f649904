/**
 * One resource for the three gadgets and their edit views: Jira tells the frame which gadget it is
 * (`moduleKey`) and whether it shows the edit view. The configuration comes from the context.
 */
import { useEffect, useState } from 'react';
import { Box } from '@atlaskit/primitives';
import type { GadgetFrame } from '../../shared/bridge';
import { gadgetFrame } from '../../shared/bridge';
import { readConfig } from './config';
import { GadgetEdit } from './gadget-edit';
import { GoalHealth } from './goal-health';
import { GadgetFailure, Loading, NotConfigured, gadgetStyles } from './parts';
import { RoadmapNow } from './roadmap-now';
import { UnalignedWork } from './unaligned-work';

export function Gadget() {
  const [frame, setFrame] = useState<GadgetFrame | { failed: string } | undefined>();
  useEffect(() => {
    gadgetFrame().then(setFrame, (error: unknown) => setFrame({ failed: error instanceof Error ? error.message : String(error) }));
  }, []);
  return (
    <Box as="main" xcss={gadgetStyles.page}>
      <GadgetBody frame={frame} />
    </Box>
  );
}

function GadgetBody({ frame }: { frame: GadgetFrame | { failed: string } | undefined }) {
  if (!frame) return <Loading />;
  if ('failed' in frame) return <GadgetFailure error={{ code: 'unexpected', message: frame.failed }} onRetry={() => window.location.reload()} />;
  const config = readConfig(frame.configuration);
  if (frame.edit) return <GadgetEdit moduleKey={frame.moduleKey} saved={config} />;
  if (!config.projectId) return <NotConfigured />;
  const configured = { ...config, projectId: config.projectId };
  if (frame.moduleKey === 'throughline-roadmap-now') return <RoadmapNow config={configured} />;
  if (frame.moduleKey === 'throughline-unaligned-work') return <UnalignedWork config={configured} />;
  return <GoalHealth config={configured} />;
}
