/**
 * The API client as the widgets see it: the SDK's `Client`. Widgets only ever talk to the SDK.
 */
import type { ApiEvent, Client, EventTopic, SubscribeOptions } from '@cc-kit/sdk';

export type CcClient = Client;
export type { ApiEvent, EventTopic, SubscribeOptions };
