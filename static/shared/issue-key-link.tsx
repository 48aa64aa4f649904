import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { issueUrl, openIssue } from './bridge';
import { common } from './messages/common';
import './find-input.css';

/**
 * An issue key that opens the issue in Jira: a plain click moves Jira there (`router.navigate`);
 * the href serves a new tab, a middle click and "copy link", as Jira's own keys do.
 */
export function IssueKeyLink({ issueKey }: { issueKey: string }) {
  const [href, setHref] = useState('');
  useEffect(() => {
    let live = true;
    issueUrl(issueKey).then(
      (url) => live && setHref(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [issueKey]);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void openIssue(issueKey).catch(() => undefined);
  };
  return (
    <a href={href || '#'} onClick={follow} className="issue-key-link" title={common.openIssue(issueKey)} data-testid={`issue-link-${issueKey}`}>
      {issueKey}
    </a>
  );
}
