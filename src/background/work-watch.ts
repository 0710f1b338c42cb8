/**
 * Nothing captured waits for an engine that died (issue 12). Queued ingest jobs and unfinished
 * answers live in IndexedDB; the engine takes them up when it starts, but Chrome does not restart
 * an offscreen document that crashed or was closed, and the worker that would start it may be
 * stopped too. Three ways back, each starting the engine only while work is left:
 * - the engine's lifeline port disconnects while this worker runs (the engine died);
 * - this worker starts (any event), with work left over from before;
 * - an alarm every 30 s (Chrome's shortest) while work is left: the case where worker and engine
 *   both stopped before either noticed.
 */
import { ENGINE_DOCUMENT } from '../shared/dispatch';
import { db } from '../shared/db';
import { ENGINE_LIFELINE, WORK_CHECK_ALARM } from '../shared/engine-lifeline';
import { unfinishedAnswers } from '../shared/store/conversations';
import { countQueuedJobs } from '../shared/store/jobs';
import { armWorkCheck, engineRunning, ensureEngine, wakeEngine } from './engine-gateway';

/** Queued jobs or answers under way. */
async function workLeft(): Promise<{ jobs: boolean; answers: boolean }> {
  const [jobs, answers] = await Promise.all([countQueuedJobs(db()), unfinishedAnswers(db())]);
  return { jobs: jobs > 0, answers: answers.length > 0 };
}

/** Start (or wake) the engine if work is left; stop checking once none is. */
export async function resumeWork(): Promise<void> {
  const left = await workLeft();
  if (!left.jobs && !left.answers) {
    await chrome.alarms.clear(WORK_CHECK_ALARM);
    return;
  }
  await armWorkCheck();
  // A starting engine resumes unfinished answers and its queue by itself; a running one is told.
  if (!(await engineRunning())) await ensureEngine();
  else if (left.jobs) await wakeEngine();
}

/** Registered at the worker's top level, with its other listeners. */
export function watchEngineWork(): void {
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_LIFELINE) return;
    if (port.sender?.url !== chrome.runtime.getURL(ENGINE_DOCUMENT)) return;
    // Give a document that reloads itself (after re-embedding) a moment to come back.
    port.onDisconnect.addListener(() => {
      setTimeout(() => void resumeWork().catch(warn), 1_000);
    });
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WORK_CHECK_ALARM) void resumeWork().catch(warn);
  });
  void resumeWork().catch(warn);
}

const warn = (error: unknown) => console.warn('Engram: resuming queued work:', error);
