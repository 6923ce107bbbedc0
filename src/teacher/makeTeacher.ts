/**
 * Build the soft-label teacher of a dataset from options: the NTK max-margin teacher (default) or a wide trained
 * network (see src/teacher/teacher.ts for the two kinds and their sources).
 */
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { ntkTeacher, type NtkTeacherOptions } from './ntkTeacher.js';
import type { Teacher } from './teacher.js';
import { wideNetTeacher, type WideNetTeacherOptions } from './wideNetTeacher.js';

/** Options for {@link makeTeacher}: a discriminated union on `kind` (absent = 'ntk'). */
export type TeacherOptions = ({ kind?: 'ntk' } & NtkTeacherOptions) | ({ kind: 'wide-net' } & WideNetTeacherOptions);

/**
 * Build the teacher for ds (training split) with the given options.
 * @throws InputError('teacher.kind') for an unknown kind; otherwise whatever the chosen teacher throws.
 */
export function makeTeacher(ds: Dataset, opts: TeacherOptions = {}): Teacher {
  const kind = opts.kind ?? 'ntk';
  if (kind === 'ntk') return ntkTeacher(ds, opts as NtkTeacherOptions);
  if (kind === 'wide-net') return wideNetTeacher(ds, opts as WideNetTeacherOptions);
  throw new InputError('teacher.kind', `makeTeacher: expected 'ntk' or 'wide-net', got ${String(kind)}`);
}
