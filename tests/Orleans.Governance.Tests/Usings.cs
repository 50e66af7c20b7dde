global using Xunit;
global using Orleans.Governance.Tests.Shared;
