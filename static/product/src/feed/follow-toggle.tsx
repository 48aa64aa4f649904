/** A Follow toggle for a goal or a roadmap item, as Jira's watch button: anyone who browses may follow. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { FollowTarget } from '../../../../src/contract';
import type { UiError } from '../../../shared/errors';
import { useAnnounce } from '../../../shared/announcer';
import { WriteError } from '../../../shared/write-error';
import { feed as m } from '../../../shared/messages/feed';
import { isFollowed, toggleFollow, useFollowing } from './follow-state';

export function FollowToggle({ target, title }: { target: FollowTarget; title: string }) {
  const following = useFollowing();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();
  const on = isFollowed(following.targets, target);
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    const failed: UiError | undefined = await toggleFollow(target, !on).catch((thrown: unknown) => ({ code: 'unexpected' as const, message: String(thrown) }));
    setBusy(false);
    if (failed) setError(failed);
    else announce(on ? m.unfollowed(title) : m.followed(title));
  };
  return (
    <>
      <Button
        spacing="compact"
        appearance={on ? 'discovery' : 'default'}
        isDisabled={following.status !== 'ready'}
        isLoading={busy}
        aria-pressed={on}
        aria-label={m.followLabel(title)}
        onClick={() => void toggle()}
        testId={`follow-${target.kind}-${target.id}`}
      >
        {on ? m.following : m.follow}
      </Button>
      {error ? <WriteError error={error} headingLevel="h4" /> : null}
    </>
  );
}
