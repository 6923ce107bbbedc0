/**
 * deploy/kubernetes: the Indexed Job and its merge Job parsed with the `yaml` package and checked field by field
 * against what the Job API and shardFromEnv need (oracle: the batch/v1 Job reference,
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/job-v1/, and
 * src/run/shardFromEnv.ts): Indexed completion, completions = the shard count the pods are told, parallelism,
 * the run prefix from the job-name label, the reports volume, and a merge step reading what the pods write.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { derivedRunId, RUN_PREFIX_VAR, SHARD_COUNT_VAR, shardFromEnv } from '../../src/run/shardFromEnv.js';

const dir = resolve(import.meta.dirname, '../../deploy/kubernetes');

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string } };
}
interface Container {
  name: string;
  image: string;
  args: string[];
  env: EnvVar[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface PodSpec {
  restartPolicy: string;
  containers: Container[];
  volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[];
}
interface Job {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } };
}

/** Parse one manifest file: exactly one YAML document, no parse errors or warnings. */
function load<T>(file: string): T {
  const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
  if (!Array.isArray(docs)) throw new Error(`${file}: no document`);
  expect(docs).toHaveLength(1);
  expect(docs[0].errors).toEqual([]);
  expect(docs[0].warnings).toEqual([]);
  return docs[0].toJS() as T;
}

const job = load<Job>('verify-indexed-job.yaml');
const merge = load<Job>('merge-job.yaml');
const pvc = load<{ kind: string; metadata: { name: string }; spec: { accessModes: string[] } }>('shared-volume.yaml');
const verifyC = job.spec.template.spec.containers[0];
const mergeC = merge.spec.template.spec.containers[0];
const env = (c: Container, name: string) => c.env.find((e) => e.name === name);

/** The reports folder of a container: the --out argument, inside one of its volume mounts. */
function reportsMount(c: Container, spec: PodSpec, out: string) {
  const mount = c.volumeMounts.find((m) => out.startsWith(m.mountPath + '/'));
  expect(mount, `${out} lies on a mounted volume`).toBeDefined();
  const vol = spec.volumes.find((v) => v.name === mount!.name);
  return vol?.persistentVolumeClaim?.claimName;
}

describe('deploy/kubernetes/verify-indexed-job.yaml', () => {
  it('is a batch/v1 Job in Indexed completion mode', () => {
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
  });

  it('completions is a positive integer, parallelism within it, and pods never restart in place (backoffLimitPerIndex needs Never)', () => {
    const { completions, parallelism } = job.spec as { completions: number; parallelism: number };
    expect(Number.isInteger(completions) && completions >= 1).toBe(true);
    expect(Number.isInteger(parallelism) && parallelism >= 1 && parallelism <= completions).toBe(true);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it(`tells the pods the count through ${SHARD_COUNT_VAR}, equal to completions (Kubernetes does not export it)`, () => {
    expect(Number(env(verifyC, SHARD_COUNT_VAR)?.value)).toBe(job.spec.completions);
  });

  it('takes the run prefix from the job-name label, so every pod and every retry of an index has one run id', () => {
    expect(env(verifyC, RUN_PREFIX_VAR)?.valueFrom?.fieldRef?.fieldPath).toBe("metadata.labels['batch.kubernetes.io/job-name']");
  });

  it('every index maps to its shard through shardFromEnv, and the pods name distinct sibling folders', () => {
    const n = job.spec.completions as number;
    const ids = Array.from({ length: n }, (_, k) => {
      const podEnv = { JOB_COMPLETION_INDEX: String(k), [SHARD_COUNT_VAR]: env(verifyC, SHARD_COUNT_VAR)!.value, [RUN_PREFIX_VAR]: job.metadata.name };
      const found = shardFromEnv(podEnv);
      expect(found.shard).toEqual({ index: k + 1, count: n });
      return derivedRunId(podEnv, found, undefined);
    });
    expect(ids).toEqual(Array.from({ length: n }, (_, k) => `${job.metadata.name}-shard${k + 1}of${n}`));
  });

  it('runs verify with a bare --resume and writes its reports to the shared volume', () => {
    const cmd = verifyC.args.join(' ');
    expect(cmd).toMatch(/ntk-verify\.mjs verify --resume --out \/\S+/);
    const out = /--out (\S+)/.exec(cmd)![1];
    expect(reportsMount(verifyC, job.spec.template.spec, out)).toBe(pvc.metadata.name);
  });
});

describe('deploy/kubernetes/merge-job.yaml and shared-volume.yaml', () => {
  it('the merge reads the folders the Indexed Job writes: same volume, same reports folder, prefix = the Job name', () => {
    expect(merge.kind).toBe('Job');
    expect(env(mergeC, RUN_PREFIX_VAR)?.value).toBe(job.metadata.name);
    const cmd = mergeC.args.join(' ');
    expect(cmd).toMatch(/report merge /);
    const verifyOut = /--out (\S+)/.exec(verifyC.args.join(' '))![1];
    expect(cmd).toContain(`${verifyOut}/"$${RUN_PREFIX_VAR}"-shard*of*`);
    expect(reportsMount(mergeC, merge.spec.template.spec, verifyOut + '/x')).toBe(pvc.metadata.name);
  });

  it('the shared volume is ReadWriteMany (pods on several nodes write it)', () => {
    expect(pvc.kind).toBe('PersistentVolumeClaim');
    expect(pvc.spec.accessModes).toContain('ReadWriteMany');
  });
});
