import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import type { ModelRow } from '../../shared/db';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { modelDisplay } from './model-display';

const MB = 1024 * 1024;
const row = (
  state: ModelRow['state'],
  over: Partial<Pick<ModelRow, 'loaded' | 'total' | 'error'>> = {},
) => ({ state, loaded: 0, total: 0, ...over });

describe('modelDisplay', () => {
  it('says how far a download of the model in use has got', () => {
    expect(modelDisplay(row('loading', { loaded: 47 * MB, total: 118 * MB }), true, 0)).toEqual({
      state: 'downloading',
      text: 'downloading 39% (47 MB of 118 MB)',
      percent: 39,
    });
    expect(modelDisplay(row('loading'), true, 0)).toEqual({
      state: 'downloading',
      text: 'downloading…',
      percent: null,
    });
    expect(modelDisplay(row('loading', { loaded: 5, total: 5 }), true, 5).text).toBe('starting…');
  });

  it('shows ready, and failures with their reason', () => {
    expect(modelDisplay(row('ready'), true, 118 * MB)).toEqual({
      state: 'ready',
      text: 'ready',
      percent: null,
    });
    expect(modelDisplay(row('failed', { error: 'You are offline' }), true, 0).text).toBe(
      'failed: You are offline',
    );
    expect(modelDisplay(row('failed'), true, 0).text).toBe('failed');
    expect(modelDisplay(row('unavailable', { error: 'No WebGPU' }), false, 0)).toMatchObject({
      state: 'unavailable',
      text: 'unavailable: No WebGPU',
    });
  });

  it('keeps the last failure of a model not in use', () => {
    expect(modelDisplay(row('failed', { error: 'disk full' }), false, 0)).toMatchObject({
      state: 'failed',
      text: 'failed: disk full',
    });
  });

  it('does not believe the loading or ready row of a model no longer in use', () => {
    expect(modelDisplay(row('ready'), false, 118 * MB)).toMatchObject({
      state: 'downloaded',
      text: 'downloaded (118 MB)',
    });
    expect(modelDisplay(row('loading', { loaded: 40, total: 100 }), false, 0)).toMatchObject({
      state: 'not-downloaded',
      text: 'not downloaded',
    });
  });

  it('tells downloaded from not downloaded by the bytes in the cache', () => {
    expect(modelDisplay(undefined, false, 0).text).toBe('not downloaded');
    expect(modelDisplay(row('idle'), true, 280 * MB)).toMatchObject({
      state: 'downloaded',
      text: 'downloaded (280 MB), loads when needed',
    });
    expect(modelDisplay(undefined, false, undefined)).toMatchObject({
      state: 'idle',
      text: 'not loaded',
    });
  });
});

describe('modelDisplay in Chinese', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  it('says the same in Chinese, with the sizes written for the locale', () => {
    setMessageSource(tableSource(zhCN));
    expect(modelDisplay(row('loading', { loaded: 47 * MB, total: 118 * MB }), true, 0).text).toBe(
      '正在下载 39%（47 MB / 118 MB）',
    );
    expect(modelDisplay(row('failed', { error: '网络已断开' }), true, 0).text).toBe(
      '失败：网络已断开',
    );
    expect(modelDisplay(undefined, true, 1.8 * MB).text).toBe('已下载（1.8 MB），需要时加载');
  });
});
