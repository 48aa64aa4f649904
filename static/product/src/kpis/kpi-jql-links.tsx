import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import type { KpiView } from '../../../../src/contract';
import { withoutOrderBy } from '../../../../src/validation/jql';
import { contextProjectKey, issueSearchUrl, openIssueSearch } from '../../../shared/bridge';
import { finding } from '../../../shared/messages/create-epic';
import '../../../shared/find-input.css';

/**
 * A JQL KPI's queries as links into Jira's issue search (issue 10.6), limited to this product's
 * project as the KPI counts them, so the search lists the very issues behind the number. A plain
 * click moves Jira there (`router.navigate`), the href serves a new tab and "copy link".
 */
export function KpiJqlLinks({ kpi }: { kpi: KpiView }) {
  const [projectKey, setProjectKey] = useState<string>();
  useEffect(() => {
    let live = true;
    contextProjectKey().then(
      (key) => live && setProjectKey(key),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const source = kpi.source;
  if (source.kind === 'manual') return null;
  const scoped = (jql: string) => (projectKey ? `project = ${projectKey} AND (${withoutOrderBy(jql)})` : withoutOrderBy(jql));
  const links =
    source.kind === 'jql-count'
      ? [{ label: finding.openJqlShort, name: kpi.name, jql: scoped(source.jql) }]
      : [
          { label: finding.numerator, name: `${kpi.name}: ${finding.numerator}`, jql: scoped(source.numeratorJql) },
          { label: finding.denominator, name: `${kpi.name}: ${finding.denominator}`, jql: scoped(source.denominatorJql) },
        ];
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId={`kpi-jql-links-${kpi.id}`}>
      {source.kind === 'jql-ratio' ? (
        <Text size="small" color="color.text.subtle">
          {finding.openJqlShort}:
        </Text>
      ) : null}
      {links.map((link) => (
        <JqlLink key={link.label} jql={link.jql} label={link.label} name={link.name} />
      ))}
    </Inline>
  );
}

function JqlLink(props: { jql: string; label: string; name: string }) {
  const [href, setHref] = useState('');
  useEffect(() => {
    let live = true;
    issueSearchUrl(props.jql).then(
      (url) => live && setHref(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.jql]);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void openIssueSearch(props.jql).catch(() => undefined);
  };
  return (
    <a href={href || '#'} onClick={follow} className="issue-key-link" aria-label={finding.openJql(props.name)} title={props.jql} data-testid="kpi-jql-link">
      <Text size="small">{props.label}</Text>
    </a>
  );
}
