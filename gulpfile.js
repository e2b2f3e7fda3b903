// Copies the node and credential icons next to the compiled JavaScript, where n8n looks for them.
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

const copy = (from, to) => () => src(from, { encoding: false }).pipe(dest(path.resolve('dist', to)));

task('build:icons', parallel(copy('nodes/**/*.{png,svg}', 'nodes'), copy('credentials/**/*.{png,svg}', 'credentials')));
