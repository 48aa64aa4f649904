import type { VisionBoard } from '../../../src/domain/strategy';
import english from './vision.en-US.json';
import { catalog, textGroup } from './runtime';

type Field = keyof VisionBoard;

const t = catalog('vision', english);

const fieldKeys = ['productName', 'vision', 'targetGroup', 'needs', 'product', 'businessGoals'] as const satisfies readonly Field[];
const fields = textGroup(fieldKeys, (field) => t(`fields.${field}`)) satisfies Record<Field, string>;

/** The Product Vision Board's strings, after Roman Pichler's board. */
export const vision = {
  get heading() {
    return t('heading');
  },
  fields,
  prompts: textGroup(fieldKeys, (field) => t(`prompts.${field}`)) satisfies Record<Field, string>,
  get emptyField() {
    return t('emptyField');
  },
  /** `label`: a field's label (`fields.x`); each field has its own sentence (English lowercases, German does not). */
  editField: (label: string) => {
    const field = fieldKeys.find((key) => fields[key] === label);
    return field ? t(`editField.${field}`) : t('editField.other', { label });
  },
  get keyHint() {
    return t('keyHint');
  },
  saved: (version: number, who: string, when: string) => t('saved', { version: String(version), who, when }),
  get neverSaved() {
    return t('neverSaved');
  },
  fieldSaved: (label: string, version: number) => t('fieldSaved', { label, version: String(version) }),
  get emptyTitle() {
    return t('emptyTitle');
  },
  get emptyIntro() {
    return t('emptyIntro');
  },
  get emptyReader() {
    return t('emptyReader');
  },
  get exampleLabel() {
    return t('exampleLabel');
  },
  get exampleCaption() {
    return t('exampleCaption');
  },
  get startFromExample() {
    return t('startFromExample');
  },
  get writeYourOwn() {
    return t('writeYourOwn');
  },
  /** The example board in the reader's language: starting from it saves these words. */
  example: textGroup(fieldKeys, (field) => t(`example.${field}`)) satisfies VisionBoard,
  get history() {
    return t('history');
  },
  get historyHeading() {
    return t('historyHeading');
  },
  get historyEmpty() {
    return t('historyEmpty');
  },
  historyVersion: (version: number) => t('historyVersion', { version: String(version) }),
  get historyCurrent() {
    return t('historyCurrent');
  },
  get view() {
    return t('view');
  },
  viewVersion: (version: number) => t('viewVersion', { version: String(version) }),
  viewingTitle: (version: number) => t('viewingTitle', { version: String(version) }),
  viewingBody: (who: string, when: string) => t('viewingBody', { who, when }),
  get backToCurrent() {
    return t('backToCurrent');
  },
  get restore() {
    return t('restore');
  },
  restored: (from: number, to: number) => t('restored', { from: String(from), to: String(to) }),
  get restoreConflict() {
    return t('restoreConflict');
  },
  get restoreAnyway() {
    return t('restoreAnyway');
  },
  get untitledVision() {
    return t('untitledVision');
  },
};
