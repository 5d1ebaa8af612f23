import { describeAccessibility } from './accessibility.js';

describeAccessibility('nl');
