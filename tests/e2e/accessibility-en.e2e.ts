import { describeAccessibility } from './accessibility.js';

describeAccessibility('en');
