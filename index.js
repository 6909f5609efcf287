'use strict';

// Programmatic entry point: lets other tools load the node and credential classes from the built package.
const { SunoMusic } = require('./dist/nodes/SunoMusic/SunoMusic.node.js');
const { SunoMusicTrigger } = require('./dist/nodes/SunoMusicTrigger/SunoMusicTrigger.node.js');
const { SunoApi } = require('./dist/credentials/SunoApi.credentials.js');

module.exports = { SunoMusic, SunoMusicTrigger, SunoApi };
