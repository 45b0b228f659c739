// bench-node-sdk.js: Meta's official Node SDK paging the same insights as
// bench-sync.c (daily and hourly, every level), for comparison. It only
// reads; nothing is stored. Run by bench-sync with NODE_PATH pointing at an
// install of facebook-nodejs-business-sdk outside the source tree.
//
//   node bench-node-sdk.js URL TOKEN ACCOUNT SINCE UNTIL HOURLY_SINCE

'use strict';

const sdk = require('facebook-nodejs-business-sdk');
const [, , url, token, account, since, until, hourlySince] = process.argv;
const { FacebookAdsApi, AdAccount } = sdk;

// The SDK's host and version are constants; point them at the emulator.
Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => url });
Object.defineProperty(FacebookAdsApi, 'VERSION', { get: () => 'v25.0' });
FacebookAdsApi.init(token, 'en_US', false);

const ids = { campaign: ['campaign_id'], adset: ['campaign_id', 'adset_id'], ad: ['campaign_id', 'adset_id', 'ad_id'] };
const daily = ['impressions', 'reach', 'frequency', 'spend', 'clicks', 'inline_link_clicks', 'actions',
  'action_values', 'video_play_actions', 'video_p25_watched_actions', 'video_p50_watched_actions',
  'video_p75_watched_actions', 'video_p100_watched_actions', 'video_thruplay_watched_actions'];
const hourly = ['impressions', 'spend', 'clicks', 'inline_link_clicks', 'actions', 'action_values',
  'video_play_actions', 'video_thruplay_watched_actions'];

async function read (level, byHour) {
  const params = {
    level,
    time_increment: 1,
    time_range: { since: byHour ? hourlySince : since, until },
    limit: 500,
  };
  if (byHour) {
    params.breakdowns = ['hourly_stats_aggregated_by_advertiser_time_zone'];
  }
  let cursor = await new AdAccount(account).getInsights(ids[level].concat(byHour ? hourly : daily), params);
  let rows = cursor.length;
  let pages = 1;
  while (cursor.hasNext()) {
    cursor = await cursor.next();
    rows += cursor.length;
    pages++;
  }
  return { rows, pages };
}

(async () => {
  const start = Date.now();
  let rows = 0;
  let pages = 0;
  for (const level of ['campaign', 'adset', 'ad']) {
    for (const byHour of [false, true]) {
      const result = await read(level, byHour);
      rows += result.rows;
      pages += result.pages;
    }
  }
  const seconds = (Date.now() - start) / 1000;
  console.log(`${rows} insights rows, ${pages} pages in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`);
})().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
