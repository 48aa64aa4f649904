/** Evidence on roadmap items (issue 15): the item panel's Evidence section and the card's summary. */
import english from './evidence.en-US.json';
import { formatList } from '../list-format';
import { catalog, textGroup } from './runtime';

const t = catalog('evidence', english);

type EvidenceKind = 'note' | 'issue' | 'jql';
const kinds = ['note', 'issue', 'jql'] as const satisfies readonly EvidenceKind[];


export const evidence = {
  get heading() {
    return t('heading');
  },
  get intro() {
    return t('intro');
  },
  get empty() {
    return t('empty');
  },
  get emptyEditor() {
    return t('emptyEditor');
  },
  get loading() {
    return t('loading');
  },

  // The card's one line and its spoken form
  requests: (n: number) => t('requests', { n }),
  /** The linked issues' count while the saved searches are still being counted. */
  requestsCounting: (n: number) => t('requestsCounting', { n }),
  notes: (n: number) => t('notes', { n }),
  cardSummary: (parts: string[]) => parts.join(' · '),
  /** "Evidence: 38 requests and 5 notes", the parts joined as the locale joins a list. */
  cardLabel: (parts: string[]) => t('cardLabel', { parts: formatList(parts) }),
  get counting() {
    return t('counting');
  },

  kinds: textGroup(kinds, (kind) => t(`kinds.${kind}`)) as Record<EvidenceKind, string>,
  get addNote() {
    return t('addNote');
  },
  get addIssue() {
    return t('addIssue');
  },
  get addJql() {
    return t('addJql');
  },
  addHeading: textGroup(kinds, (kind) => t(`addHeading.${kind}`)) as Record<EvidenceKind, string>,
  editHeading: textGroup(kinds, (kind) => t(`editHeading.${kind}`)) as Record<EvidenceKind, string>,

  get noteText() {
    return t('noteText');
  },
  get noteSource() {
    return t('noteSource');
  },
  get noteSourceHelper() {
    return t('noteSourceHelper');
  },
  get noteCustomer() {
    return t('noteCustomer');
  },
  get noteDate() {
    return t('noteDate');
  },
  get issueKey() {
    return t('issueKey');
  },
  get issueKeyHelper() {
    return t('issueKeyHelper');
  },
  get jqlLabel() {
    return t('jqlLabel');
  },
  get jqlLabelHelper() {
    return t('jqlLabelHelper');
  },
  get jql() {
    return t('jql');
  },
  get jqlHelper() {
    return t('jqlHelper');
  },
  get preview() {
    return t('preview');
  },
  previewCount: (n: number) => t('previewCount', { n }),
  get previewing() {
    return t('previewing');
  },

  get save() {
    return t('save');
  },
  get add() {
    return t('add');
  },
  get cancel() {
    return t('cancel');
  },
  get edit() {
    return t('edit');
  },
  get remove() {
    return t('remove');
  },
  editLabel: (what: string) => t('editLabel', { what }),
  removeLabel: (what: string) => t('removeLabel', { what }),
  confirmRemove: (what: string) => t('confirmRemove', { what }),

  /** Who said it, where and when: the parts given, in that order (the date formatted by the caller). */
  noteBy: (customer: string, source: string, date: string) => [customer, source, date].filter((part) => part.trim() !== '').join(' · '),
  noteName: (text: string) => t('noteName', { text: text.length > 40 ? `${text.slice(0, 40)}…` : text }),
  issueName: (key: string) => t('issueName', { key }),
  get hiddenIssue() {
    return t('hiddenIssue');
  },
  get hiddenIssueName() {
    return t('hiddenIssueName');
  },
  hiddenIssues: (n: number) => t('hiddenIssues', { n }),
  jqlName: (label: string) => t('jqlName', { label }),
  jqlCount: (n: number) => t('jqlCount', { n }),
  get jqlNoCount() {
    return t('jqlNoCount');
  },
  openSearch: (label: string) => t('openSearch', { label }),

  added: (what: string) => t('added', { what }),
  /** "Added note.": the kind's own sentence (a kind's name is not a word to lower-case in every language). */
  addedKind: (kind: EvidenceKind) => t(`addedKind.${kind}`),
  saved: (what: string) => t('saved', { what }),
  removed: (what: string) => t('removed', { what }),
  get conflict() {
    return t('conflict');
  },
  limitReached: (what: string, max: number) => t('limitReached', { what, max }),
  limitWhat: textGroup(kinds, (kind) => t(`limitWhat.${kind}`)) as Record<EvidenceKind, string>,
};
