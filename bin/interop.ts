#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildInteropApp } from '../lib/app';

// `npx cdk synth [-c stage=<name>]`: the stacks of one stage, checked by cdk-nag.
buildInteropApp(new App());
