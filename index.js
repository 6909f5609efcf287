'use strict';

// Programmatic entry point: lets other tools load the node and credential classes from the built package.
const { SunoMusic } = require('./dist/nodes/SunoMusic/SunoMusic.node.js');
const { SunoApi } = require('./dist/credentials/SunoApi.credentials.js');

module.exports = { SunoMusic, SunoApi };
